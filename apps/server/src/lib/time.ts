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

const BERLIN_WALL_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** The wall-clock time in the Kreis at an instant. */
export function berlinClock(at: Date): { day: string; hour: number; minute: number } {
  const parts = Object.fromEntries(
    BERLIN_WALL_CLOCK.formatToParts(at).map((part) => [part.type, part.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The instant at which the Kreis's clocks show `hour:minute` on `day` (summer time included). */
export function berlinInstant(day: string, hour: number, minute: number): Date {
  const [year, month, date] = day.split("-").map(Number);
  const wanted = Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1, hour, minute);
  let guess = wanted;
  // Twice: the offset at the first guess may differ from the one at the answer near a switch.
  for (let round = 0; round < 2; round++) {
    const shown = berlinClock(new Date(guess));
    const [y, m, d] = shown.day.split("-").map(Number);
    const shownUtc = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, shown.hour, shown.minute);
    guess += wanted - shownUtc;
  }
  return new Date(guess);
}
