import type { TUpdateWorkingGroupTopicRequest, TWorkingGroupTopic } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import { fieldRefused, notFound } from "../../errors.ts";

const links = schema.workingGroupTopics;
const topics = schema.steeringTopics;

export async function listGroupTopics(
  db: Executor,
  workingGroupId: string,
): Promise<TWorkingGroupTopic[]> {
  const rows = await db
    .select({ link: links, topic: topics })
    .from(links)
    .innerJoin(topics, eq(topics.id, links.topicId))
    .where(eq(links.workingGroupId, workingGroupId))
    .orderBy(asc(topics.createdAt), asc(topics.id));
  return rows.map(({ link, topic }) => ({
    topicId: topic.id,
    title: topic.title,
    theme: topic.theme,
    description: topic.description,
    state: topic.state,
    progress: link.progress,
    result: link.result,
    updatedAt: link.updatedAt.toISOString(),
  }));
}

/**
 * The steering group gives a topic to a group: the topic's state says so, and a topic
 * given to another group before moves here (one group works on a topic at a time).
 */
export async function assignTopicToGroup(
  db: Executor,
  workingGroupId: string,
  topicId: string,
): Promise<void> {
  const [topic] = await db
    .update(topics)
    .set({ state: "working_group", passedTo: null, updatedAt: new Date() })
    .where(eq(topics.id, topicId))
    .returning({ id: topics.id });
  if (!topic) throw notFound("Topic");
  await db
    .insert(links)
    .values({ topicId, workingGroupId })
    .onConflictDoUpdate({
      target: links.topicId,
      set: { workingGroupId, progress: "not_started", result: null, updatedAt: new Date() },
    });
}

export async function updateGroupTopic(
  db: Executor,
  workingGroupId: string,
  topicId: string,
  input: TUpdateWorkingGroupTopicRequest,
  userId: string,
): Promise<void> {
  const [row] = await db
    .update(links)
    .set({
      progress: input.progress,
      result: input.result === "" ? null : input.result,
      updatedBy: userId,
      updatedAt: new Date(),
    })
    .where(and(eq(links.topicId, topicId), eq(links.workingGroupId, workingGroupId)))
    .returning({ topicId: links.topicId });
  if (!row) throw notFound("Topic");
}

/** A topic id given with an action must be one of the group's own topics. */
export async function requireGroupTopic(
  db: Executor,
  workingGroupId: string,
  topicId: string,
): Promise<void> {
  const [row] = await db
    .select({ topicId: links.topicId })
    .from(links)
    .where(and(eq(links.topicId, topicId), eq(links.workingGroupId, workingGroupId)));
  if (!row) {
    throw fieldRefused("topicId", "topic_not_in_group", "The topic is not this group's");
  }
}
