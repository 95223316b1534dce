import { type Detector, makeFinding } from "./finding.ts";

// Local part and domain allow letters beyond ASCII (IDN mail exists); the TLD is letters only,
// so a sentence-final dot stays outside the finding. The text is only looked at around each
// "@": scanning every word of a long document for a possible local part was the single most
// expensive step of a check.
const LOCAL_PART = /[\p{L}\d._%+-]{1,64}$/u;
const LOCAL_CHAR = /[\p{L}\d._%+-]/u;
const DOMAIN = /^@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/u;

export const detectEmails: Detector = (source) => {
  const findings = [];
  let searchFrom = 0;
  for (let at = source.indexOf("@"); at >= 0; at = source.indexOf("@", at + 1)) {
    if (at < searchFrom) continue;
    const local = LOCAL_PART.exec(source.slice(Math.max(searchFrom, at - 64), at));
    const domain = DOMAIN.exec(source.slice(at, at + 256));
    if (!local || !domain) continue;
    const start = at - local[0].length;
    // A local part longer than 64 characters is not an address.
    if (start > 0 && LOCAL_CHAR.test(source[start - 1] ?? "")) continue;
    const end = at + domain[0].length;
    findings.push(makeFinding(source, start, end, "email"));
    searchFrom = end;
  }
  return findings;
};
