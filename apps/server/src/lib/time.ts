// Built once: constructing a formatter costs more than formatting (it runs per request).
const BERLIN_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" });

/** Today's calendar day in the Kreis (Europe/Berlin), as `YYYY-MM-DD`. */
export function todayInBerlin(now: Date = new Date()): string {
  return BERLIN_DAY.format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const toIso = (date: Date) => date.toISOString();
export const toIsoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
