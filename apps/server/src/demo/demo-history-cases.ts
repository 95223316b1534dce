import { DEMO_DOMAIN } from "@runder-tisch/db/seed";
import type { DemoHistoryCase } from "./demo-history.ts";
import { EARLY_CASES } from "./demo-history-early.ts";
import { LATEST_CASES } from "./demo-history-latest.ts";
import { NEWCOMER_CASES } from "./demo-history-newcomers.ts";
import { RECENT_CASES } from "./demo-history-recent.ts";

/** The 25 cases the history adds to the five of the demo Kreis: 30, as Lippe analysed. */
export const DEMO_HISTORY_CASES: DemoHistoryCase[] = [
  ...EARLY_CASES,
  ...RECENT_CASES,
  ...LATEST_CASES,
  ...NEWCOMER_CASES,
];

/** Two heads of agencies the demo names to the steering group (Lenkungsgruppe). */
export const DEMO_STEERING_LOGINS = [
  `ki.koordination@${DEMO_DOMAIN}`,
  `jc.koordination@${DEMO_DOMAIN}`,
];
