export { findPii } from "./detect.ts";
export { isValidIban } from "./detectors/iban.ts";
export {
  PII_EXPLANATIONS,
  PII_LABELS,
  PII_PLACEHOLDERS,
  placeholderFor,
  replaceFinding,
  replaceFindings,
  StaleFindingError,
} from "./placeholders.ts";
export { applyReplacement, naturalReplacements, type Replacement } from "./replacements.ts";
export { PII_KINDS, type PiiFinding, type PiiKind } from "./types.ts";
