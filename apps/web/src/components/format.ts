import { isActionPending, type TActionStatus } from "@runder-tisch/contracts";
import { currentLocale } from "../i18n/index.ts";

/** `2026-05-04` → `04.05.2026` (or `04/05/2026`); read as a calendar day, not shifted by time zones. */
export function formatDay(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(year, month - 1, day).toLocaleDateString(currentLocale(), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(currentLocale(), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** Today as YYYY-MM-DD in local time, as the user understands "today". */
export function today(): string {
  return toIsoDay(new Date());
}

export function toIsoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return toIsoDay(new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
}

export function isOverdue(dueDate: string | null, status: TActionStatus): boolean {
  return dueDate !== null && dueDate < today() && isActionPending(status);
}
