import type { AgendaItem } from "@runder-tisch/conference-doc";

/**
 * The Wiedervorlage as written in the "next_review" agenda item, e.g.
 * "Wiedervorlage am 14.01.2027" or "2027-01-14"; null when none is readable.
 */
export function findNextReview(agenda: readonly AgendaItem[]): string | null {
  for (const item of agenda) {
    if (item.kind !== "next_review") continue;
    const iso = item.title.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
    const german = item.title.match(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/);
    const parts = iso
      ? [iso[1], iso[2], iso[3]]
      : german
        ? [german[3], german[2]?.padStart(2, "0"), german[1]?.padStart(2, "0")]
        : null;
    if (!parts) continue;
    const day = parts.join("-");
    if (isRealDay(day)) return day;
  }
  return null;
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
