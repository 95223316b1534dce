import { z } from "zod";
import { text, trimmedText, ZIsoDateTime, ZUserRef } from "./common.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

/*
 * The steering group's action plan (Handlungskonzept): one per platform, kept as numbered
 * versions that are never changed. Members edit it together; a save names the version it
 * started from, and a newer one saved meanwhile refuses it (`version_conflict`).
 */

/** A version as the list shows it: everything but the text itself. */
export const ZActionPlanVersionSummary = z.object({
  version: z.number().int().min(1),
  title: z.string(),
  /** What changed against the version before, in the saver's words. */
  note: z.string(),
  savedBy: ZUserRef.nullable(),
  savedAt: ZIsoDateTime,
});
export type TActionPlanVersionSummary = z.infer<typeof ZActionPlanVersionSummary>;

/** One version with its Markdown text. */
export const ZActionPlanVersion = ZActionPlanVersionSummary.extend({ body: z.string() });
export type TActionPlanVersion = z.infer<typeof ZActionPlanVersion>;

/** The newest version (none before the first save) and every version, newest first. */
export const ZActionPlan = z.object({
  current: ZActionPlanVersion.nullable(),
  versions: z.array(ZActionPlanVersionSummary),
});
export type TActionPlan = z.infer<typeof ZActionPlan>;

export const ZActionPlanVersionParams = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export type TActionPlanVersionParams = z.infer<typeof ZActionPlanVersionParams>;

export const ZSaveActionPlanRequest = z.object({
  /** The version the editor started from; 0 when there was none yet. */
  baseVersion: z.number().int().min(0).max(1_000_000),
  title: trimmedText(TEXT_LIMITS.name),
  body: trimmedText(TEXT_LIMITS.actionPlan),
  note: text(TEXT_LIMITS.purpose).default(""),
});
export type TSaveActionPlanRequest = z.input<typeof ZSaveActionPlanRequest>;

/** A text assembled from the group's topics, for the editor to start from. */
export const ZActionPlanDraft = z.object({ title: z.string(), body: z.string() });
export type TActionPlanDraft = z.infer<typeof ZActionPlanDraft>;
