import type { TWorkingGroupTopicProgress } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type {
  ActionPlanDraftInput,
  DraftWorkingGroup,
} from "../../domain/action-plan/assemble-action-plan-draft.ts";
import { listSteeringTopics } from "../../domain/steering/steering-topics.ts";
import { loadGermanThemeNames } from "../../domain/themes/theme-catalogue.ts";

const PROGRESS_NAMES: Record<TWorkingGroupTopicProgress, string> = {
  not_started: "noch nicht begonnen",
  in_progress: "in Arbeit",
  result_ready: "Ergebnis liegt vor",
};

/** Which working group has each topic, how far it got and what it found. */
async function workingGroupsByTopic(db: Executor): Promise<Map<string, DraftWorkingGroup>> {
  const rows = await db
    .select({
      topicId: schema.workingGroupTopics.topicId,
      name: schema.workingGroups.name,
      progress: schema.workingGroupTopics.progress,
      result: schema.workingGroupTopics.result,
    })
    .from(schema.workingGroupTopics)
    .innerJoin(
      schema.workingGroups,
      eq(schema.workingGroups.id, schema.workingGroupTopics.workingGroupId),
    );
  return new Map(
    rows.map((row) => [
      row.topicId,
      { name: row.name, progress: PROGRESS_NAMES[row.progress], result: row.result },
    ]),
  );
}

/**
 * The group's topics with their decisions, oldest first (the order they were taken up),
 * and each topic's working group with its result, as the draft of the action plan reads them.
 */
export async function loadDraftInput(db: Executor): Promise<ActionPlanDraftInput> {
  const [topics, groups, themeNames] = await Promise.all([
    listSteeringTopics(db),
    workingGroupsByTopic(db),
    loadGermanThemeNames(db),
  ]);
  return {
    themeNames,
    topics: topics.reverse().map((topic) => ({
      title: topic.title,
      theme: topic.theme,
      description: topic.description,
      state: topic.state,
      passedTo: topic.passedTo,
      decisions: topic.decisions.map((decision) => ({
        text: decision.text,
        decidedAt: new Date(decision.decidedAt),
      })),
      workingGroup: groups.get(topic.id) ?? null,
    })),
  };
}
