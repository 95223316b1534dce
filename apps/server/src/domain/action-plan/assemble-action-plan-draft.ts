import type { TActionPlanDraft } from "@runder-tisch/contracts";
import type { SteeringTopicState, ThemeKey } from "@runder-tisch/contracts/vocabulary";
import { todayInBerlin } from "../../lib/time.ts";
import {
  DEFAULT_THEME_NAMES as DEFAULT_ORDER,
  themeNameIn,
} from "../themes/default-theme-names.ts";

/** What a working group of the steering group reports on a topic it was given. */
export interface DraftWorkingGroup {
  name: string;
  progress: string;
  /** Null while the group has not yet finished. */
  result: string | null;
}

export interface DraftTopic {
  title: string;
  theme: ThemeKey;
  description: string;
  state: SteeringTopicState;
  passedTo: string | null;
  decisions: { text: string; decidedAt: Date }[];
  workingGroup: DraftWorkingGroup | null;
}

export interface ActionPlanDraftInput {
  topics: DraftTopic[];
  /** The Kreis's German theme names in catalogue order; the defaults stand in when absent. */
  themeNames?: ReadonlyMap<string, string>;
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
  const themeNames = input.themeNames ?? new Map<string, string>();
  for (const theme of themeOrder(input.topics, themeNames)) {
    const topics = input.topics.filter((topic) => topic.theme === theme);
    lines.push("", `## ${themeNameIn(themeNames, theme)}`);
    for (const topic of topics) lines.push("", ...topicLines(topic));
  }
  return { title, body: lines.join("\n") };
}

/**
 * The themes the topics name: in the catalogue's order (the default order when none is
 * given), then any theme the catalogue no longer knows, by key.
 */
function themeOrder(topics: readonly DraftTopic[], themeNames: ReadonlyMap<string, string>) {
  const named = new Set(topics.map((topic) => topic.theme as string));
  const known = [...themeNames.keys(), ...Object.keys(DEFAULT_ORDER)];
  const ordered = [...new Set(known)].filter((key) => named.has(key));
  const unknown = [...named].filter((key) => !ordered.includes(key)).sort();
  return [...ordered, ...unknown];
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
