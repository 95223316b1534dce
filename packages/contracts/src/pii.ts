import { z } from "zod";

/** The longest note the guard checks in one request (characters, as the editor counts them). */
export const PII_CHECK_MAX_CHARS = 100_000;

/** Same list as PII_KINDS in @runder-tisch/pii-guard; a server test keeps the two equal. */
export const ZPiiKind = z.enum([
  "person_name",
  "birth_date",
  "phone",
  "email",
  "iban",
  "address",
  "file_number",
  "id_number",
]);
export type TPiiKind = z.infer<typeof ZPiiKind>;

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
