import { type Detector, makeFinding } from "./finding.ts";

// Local part and domain allow letters beyond ASCII (IDN mail exists); the TLD is letters only,
// so a sentence-final dot stays outside the finding.
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

export const detectEmails: Detector = (source) =>
  Array.from(source.matchAll(EMAIL), (match) =>
    makeFinding(source, match.index, match.index + match[0].length, "email"),
  );
