import type { TActionPlanVersion } from "@runder-tisch/contracts";
import { todayInBerlin } from "../../lib/time.ts";

const germanDay = (at: string) => todayInBerlin(new Date(at)).split("-").reverse().join(".");

/** Which version this is, who saved it and why, as the files say it below the text. */
export function describeActionPlanVersion(version: TActionPlanVersion): string[] {
  const saver = version.savedBy?.displayName ?? "ehemaliges Mitglied";
  const lines = [
    `Fassung ${version.version} vom ${germanDay(version.savedAt)}, gespeichert von ${saver}.`,
  ];
  if (version.note.trim()) lines.push(`Änderung: ${version.note.trim()}`);
  return lines;
}

/** Whether the members' text starts with its own top heading, so the files add no second one. */
export const startsWithTitle = (body: string) => /^#\s/.test(body.trimStart());

/** The version as a Markdown file: the members' text as they wrote it, then which version it is. */
export function renderActionPlanMarkdown(version: TActionPlanVersion): string {
  const parts = startsWithTitle(version.body) ? [] : [`# ${version.title}`, ""];
  parts.push(version.body.trim(), "", "---", "");
  for (const line of describeActionPlanVersion(version)) parts.push(line, "");
  return parts.join("\n");
}

/** File names without characters a file system or a header could stumble over. */
export const actionPlanFileName = (version: number, ending: "md" | "pdf") =>
  `Handlungskonzept-Fassung-${version}.${ending}`;
