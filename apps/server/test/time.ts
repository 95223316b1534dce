import { addDays, todayInBerlin } from "../src/lib/time.ts";

/** A calendar day relative to today in the Kreis's time zone: `2026-12-17`. */
export const dateInDays = (days: number): string => addDays(todayInBerlin(), days);

/** An instant relative to now, as JSON carries it: `2026-12-17T10:00:00.000Z`. */
export const instantInDays = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString();
