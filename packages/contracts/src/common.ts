import { z } from "zod";
import { hasPlausibleYear, isCleanText } from "./input-rules.ts";
import { withReason } from "./problems.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

export const ZId = z.uuid();
export const ZIdParams = z.object({ id: ZId });
export type TIdParams = z.infer<typeof ZIdParams>;

/** A calendar day, e.g. a due date or a consent's expiry: `2026-12-31`. */
export const ZIsoDate = z.iso
  .date()
  .refine(hasPlausibleYear, withReason("Year outside 1900 to 2199", "invalid_date"));
/** An instant with offset, as JSON carries it: `2026-11-21T10:00:00.000Z`. */
export const ZIsoDateTime = z.iso
  .datetime({ offset: true })
  .refine(hasPlausibleYear, withReason("Year outside 1900 to 2199", "invalid_date"));

export const ZCaseCode = z.string().regex(/^RT-\d{4}-\d{4,}$/);

export const ZAgencyRef = z.object({ id: ZId, name: z.string() });
export type TAgencyRef = z.infer<typeof ZAgencyRef>;
export const ZUserRef = z.object({ id: ZId, displayName: z.string() });
export type TUserRef = z.infer<typeof ZUserRef>;

export const ZOkResponse = z.object({ ok: z.literal(true) });

/** Query-string booleans arrive as text. */
export const ZQueryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

const BROKEN_TEXT = withReason(
  "Text contains a control character or broken UTF-16",
  "invalid_character",
);

/**
 * Every free text that enters the platform: trimmed, bounded, and without control
 * characters or broken UTF-16 (see input-rules.ts). Deciding it here, once, keeps such
 * characters out of the database, the minutes' PDF and every other agency's screen.
 */
export const text = (max: number) => z.string().trim().max(max).refine(isCleanText, BROKEN_TEXT);

/** Text taken exactly as given, such as a new password, under the same rule. */
export const verbatimText = (min: number, max: number) =>
  z.string().min(min).max(max).refine(isCleanText, BROKEN_TEXT);

/** A free text that must not be empty. */
export const trimmedText = (max: number) => text(max).min(1);

/**
 * Why a text the personal-data guard flagged may be published as it is (for example
 * "Frau Becker is the Jobcenter's case worker, not the client"). Without it a finding
 * refuses the write with `personal_data_found`; with it the reason is audited.
 */
export const ZNotPersonalDataReason = trimmedText(TEXT_LIMITS.reason);
