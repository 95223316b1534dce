import { CASE_THEMES, type TActionPlanDraft } from "@runder-tisch/contracts";
import type { CaseTheme, SteeringTopicState } from "@runder-tisch/contracts/vocabulary";
import { todayInBerlin } from "../../lib/time.ts";
import { THEME_NAMES } from "../minutes/minutes-document.ts";

/** What a working group of the steering group reports on a topic it was given. */
export interface DraftWorkingGroup {
  name: string;
  progress: string;
  /** Null while the group has not yet finished. */
  result: string | null;
}

export interface DraftTopic {
  title: string;
  theme: CaseTheme;
  description: string;
  state: SteeringTopicState;
  passedTo: string | null;
  decisions: { text: string; decidedAt: Date }[];
  workingGroup: DraftWorkingGroup | null;
}

export interface ActionPlanDraftInput {
  topics: DraftTopic[];
  /** The day the draft is assembled on, `YYYY-MM-DD`; today in the Kreis unless given. */
  day?: string;
}

const STATE_NAMES: Record<SteeringTopicState, string> = {
  open: "offen",
  working_group: "in einer Arbeitsgruppe",
  passed_on: "weitergegeben",
  decided: "entschieden",
  closed: "abgeschlossen",
};

const germanDay = (day: string) => day.split("-").reverse().join(".");

/**
 * The steering group's topics as a first text of the action plan: one chapter per theme
 * (in the order of the case themes), each topic with where it stands, its decisions and
 * what its working group found. Only a starting point: the members edit it before saving.
 */
export function assembleActionPlanDraft(input: ActionPlanDraftInput): TActionPlanDraft {
  const day = input.day ?? todayInBerlin();
  const title = `Handlungskonzept der Lenkungsgruppe, Stand ${germanDay(day)}`;
  const lines = [`# ${title}`, ""];
  if (input.topics.length === 0) {
    lines.push("Die Lenkungsgruppe hat noch keine Themen aufgenommen.");
    return { title, body: lines.join("\n") };
  }
  lines.push(
    `Zusammengestellt aus ${input.topics.length} ${input.topics.length === 1 ? "Thema" : "Themen"} der Lenkungsgruppe.`,
  );
  for (const theme of CASE_THEMES) {
    const topics = input.topics.filter((topic) => topic.theme === theme);
    if (topics.length === 0) continue;
    lines.push("", `## ${THEME_NAMES[theme]}`);
    for (const topic of topics) lines.push("", ...topicLines(topic));
  }
  return { title, body: lines.join("\n") };
}

function topicLines(topic: DraftTopic): string[] {
  const lines = [`### ${topic.title}`, ""];
  if (topic.description.trim()) lines.push(topic.description.trim(), "");
  const state =
    topic.state === "passed_on" && topic.passedTo
      ? `${STATE_NAMES.passed_on} an ${topic.passedTo}`
      : STATE_NAMES[topic.state];
  lines.push(`- Stand: ${state}`);
  if (topic.workingGroup) lines.push(...workingGroupLines(topic.workingGroup));
  if (topic.decisions.length > 0) {
    lines.push("", "Beschlüsse:", "");
    for (const decision of topic.decisions) {
      lines.push(`- ${germanDay(todayInBerlin(decision.decidedAt))}: ${oneLine(decision.text)}`);
    }
  }
  return lines;
}

function workingGroupLines(group: DraftWorkingGroup): string[] {
  const lines = [`- Arbeitsgruppe: ${group.name}`];
  if (group.progress.trim()) lines.push(`- Fortschritt: ${oneLine(group.progress)}`);
  lines.push(
    `- Ergebnis: ${group.result?.trim() ? oneLine(group.result) : "liegt noch nicht vor"}`,
  );
  return lines;
}

/** A list item ends at its line; a text of several lines stays in one item. */
const oneLine = (text: string) => text.trim().replace(/\s*\n\s*/g, " ");
