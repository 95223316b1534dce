import { z } from "zod";
import { CLIENT_LANGUAGES } from "./vocabulary.ts";

export const ZClientLanguage = z.enum(CLIENT_LANGUAGES);
export type TClientLanguage = z.infer<typeof ZClientLanguage>;

/** ?lang=ar: the document in that language, on screen (JSON) and as PDF alike. */
export const ZClientDocumentQuery = z.object({ lang: ZClientLanguage.default("de") });
export type TClientDocumentQuery = z.input<typeof ZClientDocumentQuery>;

/**
 * A piece of a client document in one language. `mark` says when it is not in
 * the document's language: free text written in German at the conference
 * ("not_translated"), or wording the catalogue lacks for that language
 * ("translation_missing"); `mark.text` says so in the document's language.
 */
export const ZClientText = z.object({
  text: z.string(),
  /** BCP 47 tag of `text`, for the lang attribute and for screen readers. */
  lang: z.string(),
  mark: z
    .object({
      kind: z.enum(["not_translated", "translation_missing"]),
      text: z.string(),
      lang: z.string(),
    })
    .optional(),
});
export type TClientText = z.infer<typeof ZClientText>;

export const ZClientBlock = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heading"), text: ZClientText }),
  z.object({ type: z.literal("paragraph"), text: ZClientText }),
  /** Said before everything else: what the document is not (a decision, a legal notice). */
  z.object({ type: z.literal("notice"), text: ZClientText }),
  z.object({ type: z.literal("list"), items: z.array(ZClientText) }),
  /** Label and value pairs: the case number, an action's who and until when. */
  z.object({
    type: z.literal("facts"),
    title: ZClientText.optional(),
    rows: z.array(z.object({ label: ZClientText, value: ZClientText })),
  }),
]);
export type TClientBlock = z.infer<typeof ZClientBlock>;

/** A document for the person concerned, already in their language, for screen and PDF alike. */
export const ZClientDocument = z.object({
  kind: z.enum(["goal_agreement", "transparency_sheet"]),
  lang: ZClientLanguage,
  dir: z.enum(["ltr", "rtl"]),
  title: ZClientText,
  blocks: z.array(ZClientBlock),
});
export type TClientDocument = z.infer<typeof ZClientDocument>;
