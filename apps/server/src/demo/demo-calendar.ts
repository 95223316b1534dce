import { addDays, berlinInstant } from "../lib/time.ts";
import type { DemoMeeting } from "./demo-history.ts";

/*
 * The demo's dates are relative to the day it is seeded, and fall on working days, so the
 * history always covers the last eight months and nothing meets on a Sunday.
 */

/** The Kreis's calendar day `monthsAgo` months before today's month, on `day`. */
function dayInEarlierMonth(today: string, monthsAgo: number, day: number): string {
  const [year = 0, month = 1] = today.split("-").map(Number);
  const first = new Date(Date.UTC(year, month - 1 - monthsAgo, 1));
  return `${first.toISOString().slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** Days no conference is held on besides weekends: national holidays, Christmas Eve, New Year's Eve. */
const HOLIDAYS = ["01-01", "05-01", "10-03", "12-24", "12-25", "12-26", "12-31"];

/** The day itself when it is a working day, else the next working day. */
export function workingDayFrom(day: string): string {
  let candidate = day;
  for (;;) {
    const weekday = new Date(`${candidate}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !HOLIDAYS.includes(candidate.slice(5))) {
      return candidate;
    }
    candidate = addDays(candidate, 1);
  }
}

export function heldAt(meeting: DemoMeeting, today: string): Date {
  const day = workingDayFrom(dayInEarlierMonth(today, meeting.monthsAgo, meeting.day));
  return berlinInstant(day, meeting.hour, 0);
}
