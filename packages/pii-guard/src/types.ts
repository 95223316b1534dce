/** Every kind of personal data the guard looks for; the order is the order of the report. */
export const PII_KINDS = [
  "person_name",
  "birth_date",
  "phone",
  "email",
  "iban",
  "address",
  "file_number",
  "id_number",
] as const;

export type PiiKind = (typeof PII_KINDS)[number];

/** One span of personal data: `text` is `source.slice(start, end)` (UTF-16 offsets, like the DOM). */
export interface PiiFinding {
  start: number;
  end: number;
  kind: PiiKind;
  text: string;
}
