import type { TMinutes, TMinutesMarks } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";
import { readContent } from "./minutes-marks.ts";

const NO_MARKS: TMinutesMarks = { revokedBases: [], dispute: null };

/** What of a minutes version leaves the server: the frozen content, its hash and today's marks. */
export function presentMinutes(
  row: schema.MinutesVersionRow,
  marks: TMinutesMarks = NO_MARKS,
): TMinutes {
  return {
    id: row.id,
    conferenceId: row.conferenceId,
    caseId: row.caseId,
    version: row.version,
    finalisedAt: row.finalisedAt.toISOString(),
    hash: { algorithm: "SHA-256", value: row.contentHash },
    content: readContent(row),
    marks,
  };
}
