import type { TClientBlock, TClientDocument } from "@runder-tisch/contracts";
import type { ActionStatus, ClientLanguage } from "@runder-tisch/contracts/vocabulary";
import { createTranslator } from "./translator.ts";

/** What the goal agreement says, gathered from one conference. */
export interface GoalAgreementFacts {
  caseCode: string;
  /** The day of the conference (Berlin). */
  heldOn: string;
  goals: string[];
  actions: { title: string; agencyName: string; dueDate: string | null; status: ActionStatus }[];
  /** The next conference, or the Wiedervorlage written in the agenda. */
  nextOn: string | null;
  /** The agency that owns the case: the person's contact. */
  contactAgency: string;
}

/**
 * The goal agreement in plain language: what the person and the agencies
 * agreed, who does what by when, when they meet again and whom to ask. Goals
 * and actions stay in the German they were written in, marked so.
 */
export function buildGoalAgreement(
  facts: GoalAgreementFacts,
  language: ClientLanguage,
): TClientDocument {
  const say = createTranslator(language);
  const blocks: TClientBlock[] = [
    { type: "notice", text: say.t("goal.notice") },
    { type: "paragraph", text: say.t("goal.intro", { date: { day: facts.heldOn } }) },
    {
      type: "facts",
      rows: [{ label: say.t("goal.case_number"), value: say.name(facts.caseCode) }],
    },
  ];
  if (language !== "de" && (facts.goals.length > 0 || facts.actions.length > 0)) {
    blocks.push({ type: "paragraph", text: say.t("goal.german_texts") });
  }
  blocks.push({ type: "heading", text: say.t("goal.goals") });
  blocks.push(
    facts.goals.length > 0
      ? { type: "list", items: facts.goals.map((goal) => say.german(goal)) }
      : { type: "paragraph", text: say.t("goal.no_goals") },
  );
  blocks.push({ type: "heading", text: say.t("goal.actions") });
  if (facts.actions.length === 0)
    blocks.push({ type: "paragraph", text: say.t("goal.no_actions") });
  for (const action of facts.actions) {
    blocks.push({
      type: "facts",
      title: say.german(action.title),
      rows: [
        { label: say.t("goal.who"), value: say.name(action.agencyName) },
        {
          label: say.t("goal.until"),
          value: action.dueDate ? say.date(action.dueDate) : say.t("goal.no_date"),
        },
        { label: say.t("goal.state"), value: say.t(`status.${action.status}`) },
      ],
    });
  }
  blocks.push(
    { type: "heading", text: say.t("goal.next") },
    {
      type: "paragraph",
      text: facts.nextOn
        ? say.t("goal.next_on", { date: { day: facts.nextOn } })
        : say.t("goal.next_open"),
    },
    { type: "heading", text: say.t("goal.contact") },
    { type: "paragraph", text: say.t("goal.contact_text", { agency: facts.contactAgency }) },
  );
  return {
    kind: "goal_agreement",
    lang: language,
    dir: say.dir,
    title: say.t("goal.title"),
    blocks,
  };
}
