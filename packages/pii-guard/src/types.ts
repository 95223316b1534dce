import { PII_KINDS, type PiiKind } from "@runder-tisch/contracts/vocabulary";

export { PII_KINDS, type PiiKind };

/** One span of personal data: `text` is `source.slice(start, end)` (UTF-16 offsets, like the DOM). */
export interface PiiFinding {
  start: number;
  end: number;
  kind: PiiKind;
  text: string;
}
