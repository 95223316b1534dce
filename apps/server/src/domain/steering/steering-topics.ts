import type {
  TCreateSteeringTopicRequest,
  TSetSteeringTopicStateRequest,
  TSteeringTopic,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { notFound } from "../../errors.ts";

const topics = schema.steeringTopics;
const decisions = schema.steeringDecisions;

/** Every topic of the steering group, newest first, each with its decisions in order. */
export async function listSteeringTopics(db: Executor): Promise<TSteeringTopic[]> {
  const rows = await db.select().from(topics).orderBy(desc(topics.createdAt), asc(topics.id));
  return presentTopics(db, rows);
}

export async function findSteeringTopic(db: Executor, id: string): Promise<TSteeringTopic> {
  const rows = await db.select().from(topics).where(eq(topics.id, id));
  const [topic] = await presentTopics(db, rows);
  if (!topic) throw notFound("Topic");
  return topic;
}

export async function createSteeringTopic(
  db: Executor,
  input: TCreateSteeringTopicRequest,
  userId: string,
): Promise<schema.SteeringTopicRow> {
  const [row] = await db
    .insert(topics)
    .values({
      title: input.title,
      theme: input.theme,
      description: input.description ?? "",
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error("creating the topic wrote nothing");
  return row;
}

/** Any state may follow any other: a decided topic can be opened again when things change. */
export async function setSteeringTopicState(
  db: Executor,
  id: string,
  input: TSetSteeringTopicStateRequest,
): Promise<schema.SteeringTopicRow> {
  const [row] = await db
    .update(topics)
    .set({ state: input.state, passedTo: input.passedTo ?? null, updatedAt: new Date() })
    .where(eq(topics.id, id))
    .returning();
  if (!row) throw notFound("Topic");
  return row;
}

export async function recordSteeringDecision(
  db: Executor,
  topicId: string,
  text: string,
  userId: string,
): Promise<schema.SteeringDecisionRow> {
  const [topic] = await db
    .update(topics)
    .set({ updatedAt: new Date() })
    .where(eq(topics.id, topicId))
    .returning({ id: topics.id });
  if (!topic) throw notFound("Topic");
  const [row] = await db.insert(decisions).values({ topicId, text, decidedBy: userId }).returning();
  if (!row) throw new Error("recording the decision wrote nothing");
  return row;
}

async function presentTopics(
  db: Executor,
  rows: schema.SteeringTopicRow[],
): Promise<TSteeringTopic[]> {
  if (rows.length === 0) return [];
  const decided = await db
    .select({
      decision: decisions,
      decider: { id: schema.users.id, displayName: schema.users.displayName },
    })
    .from(decisions)
    .leftJoin(schema.users, eq(schema.users.id, decisions.decidedBy))
    .where(
      inArray(
        decisions.topicId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(decisions.decidedAt), asc(decisions.id));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    theme: row.theme,
    description: row.description,
    state: row.state,
    passedTo: row.passedTo,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    decisions: decided
      .filter((entry) => entry.decision.topicId === row.id)
      .map((entry) => ({
        id: entry.decision.id,
        text: entry.decision.text,
        decidedBy: entry.decider?.id ? entry.decider : null,
        decidedAt: entry.decision.decidedAt.toISOString(),
      })),
  }));
}
