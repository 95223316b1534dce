import { z } from "zod";
import { ZPiiKind } from "./enums.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

/** The longest note the guard checks in one request (characters, as the editor counts them). */
export const PII_CHECK_MAX_CHARS = TEXT_LIMITS.piiCheck;

export const ZPiiCheckRequest = z.object({
  text: z.string().max(PII_CHECK_MAX_CHARS),
});
export type TPiiCheckRequest = z.infer<typeof ZPiiCheckRequest>;

/** One span of personal data; offsets are UTF-16 code units, as in JavaScript and the DOM. */
export const ZPiiFinding = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  kind: ZPiiKind,
  text: z.string(),
});
export type TPiiFinding = z.infer<typeof ZPiiFinding>;

export const ZPiiCheckResponse = z.object({ findings: z.array(ZPiiFinding) });
export type TPiiCheckResponse = z.infer<typeof ZPiiCheckResponse>;
