import type { CaseTheme } from "@runder-tisch/contracts/vocabulary";
import type { AgencySlug, DemoBasis, DemoCase } from "@runder-tisch/db/seed";

/**
 * The demo Kreis's history, modelled on what Kreis Lippe found in its 30 case analyses:
 * cases across the agencies, 18 conferences held with finalised minutes over the last
 * eight months, and obstacle themes that recur (mobility in rural areas most, then work,
 * dealing with authorities, dropped apprenticeships). All texts are written without
 * names or dates of birth, as the product asks of every shared text.
 */

/** Where an action agreed in a meeting stands today. */
export type DemoOutcome =
  | "done"
  | "in_progress"
  | "open"
  /** Found "not possible because the circumstances changed" at the case's next meeting. */
  | "not_possible";

export interface DemoMeetingAction {
  title: string;
  responsible: AgencySlug;
  dueInWeeks: number;
  outcome: DemoOutcome;
  /** What was said about it when it was reviewed at the next meeting. */
  reviewNote?: string;
}

export interface DemoObstacle {
  theme: CaseTheme;
  description: string;
  proposedFix?: string;
}

export interface DemoMeeting {
  /** Calendar months before the current one; with day and hour in the Kreis's time. */
  monthsAgo: number;
  day: number;
  hour: number;
  /** Only the first meeting names them; a later one is the Wiedervorlage the minutes planned. */
  invited: AgencySlug[];
  notes: string[];
  goals: string[];
  decisions: string[];
  obstacles: DemoObstacle[];
  actions: DemoMeetingAction[];
  /**
   * For a case's last meeting: weeks until the next review, written into the agenda (the
   * minutes then plan the Wiedervorlage). An earlier meeting names the next one's day.
   */
  reviewInWeeks?: number;
}

export interface DemoHistoryCase extends Omit<DemoCase, "pastConference" | "openedDaysAgo"> {
  /** In order; a second meeting is the Wiedervorlage of the first. */
  meetings: DemoMeeting[];
}

export const consentFor = (agency: AgencySlug, purpose: string): DemoBasis => ({
  agency,
  purpose,
  categories: ["general"],
  legalBasis: "consent",
});
