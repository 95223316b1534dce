import { z } from "zod";
import { trimmedText } from "./common.ts";
import { ZCaseTheme } from "./enums.ts";
import { withReason } from "./problems.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

/*
 * The Kreis's catalogue of themes (Handlungsfelder, docs/themes.md): the twelve defaults,
 * possibly renamed or switched off, and themes the Kreis added. A label of null means
 * "the default wording" (the app's own translation for the twelve; the German label for
 * a Kreis's theme without an English one).
 */

const ZThemeLabel = trimmedText(TEXT_LIMITS.name);

export const ZTheme = z.object({
  key: ZCaseTheme,
  labels: z.object({ de: z.string().nullable(), en: z.string().nullable() }),
  /** Offered for new cases, obstacles and topics; switched off, existing data keeps it. */
  active: z.boolean(),
  /** One of the twelve the platform comes with (they can be renamed, never removed). */
  isDefault: z.boolean(),
});
export type TTheme = z.infer<typeof ZTheme>;

/** Defaults in their order, then the Kreis's own by creation. */
export const ZThemeCatalogue = z.object({ themes: z.array(ZTheme) });
export type TThemeCatalogue = z.infer<typeof ZThemeCatalogue>;

export const ZCreateThemeRequest = z.object({
  labelDe: ZThemeLabel,
  labelEn: ZThemeLabel.optional(),
});
export type TCreateThemeRequest = z.infer<typeof ZCreateThemeRequest>;

/** null goes back to the default wording; a Kreis's own theme always keeps a German label. */
export const ZUpdateThemeRequest = z
  .object({
    labelDe: ZThemeLabel.nullable(),
    labelEn: ZThemeLabel.nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine(
    (value) => Object.keys(value).length > 0,
    withReason("Nothing to change", "nothing_to_change"),
  );
export type TUpdateThemeRequest = z.infer<typeof ZUpdateThemeRequest>;

export const ZThemeKeyParams = z.object({ key: ZCaseTheme });
