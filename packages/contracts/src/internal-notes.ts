import { z } from "zod";
import { trimmedText, ZAgencyRef, ZId, ZIsoDateTime, ZUserRef } from "./common.ts";
import { ZTextFinding } from "./minutes.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

/**
 * An agency's own note on a case: only that agency reads it, so the personal-data guard
 * does not refuse it; its findings come back as a warning.
 */
export const ZInternalNote = z.object({
  id: ZId,
  caseId: ZId,
  /** The agency that wrote it and alone sees it. */
  agency: ZAgencyRef,
  body: z.string(),
  author: ZUserRef.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});
export type TInternalNote = z.infer<typeof ZInternalNote>;

export const ZInternalNoteListResponse = z.object({ notes: z.array(ZInternalNote) });
export type TInternalNoteListResponse = z.infer<typeof ZInternalNoteListResponse>;

export const ZWriteInternalNoteRequest = z.object({ body: trimmedText(TEXT_LIMITS.longText) });
export type TWriteInternalNoteRequest = z.input<typeof ZWriteInternalNoteRequest>;

/** The note as stored, and what the personal-data guard would have flagged in it. */
export const ZInternalNoteWriteResponse = ZInternalNote.extend({
  personalDataWarnings: z.array(ZTextFinding),
});
export type TInternalNoteWriteResponse = z.infer<typeof ZInternalNoteWriteResponse>;

export const ZInternalNoteParams = z.object({ id: ZId, noteId: ZId });
