import { type Detector, makeFinding } from "./finding.ts";

// Lengths of the countries people in our cases bank with; other countries fall back to 15–34.
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  DE: 22,
  DK: 18,
  ES: 24,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  IT: 27,
  LB: 28,
  NL: 18,
  PL: 28,
  RO: 24,
  RS: 22,
  SE: 24,
  TR: 26,
  UA: 29,
  XK: 20,
  JO: 30,
};

// Groups of four separated by single spaces, as printed on cards and letters, or compact.
// Typed in lower case too ("de44 5001 …"): the checksum, not the case, makes it an IBAN.
const IBAN_SHAPE =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;
const IBAN_CUE = /\bIBAN\s*:?\s*$/i;

/** ISO 13616 check: move the first four characters to the end; the number mod 97 must be 1. */
export function isValidIban(compact: string): boolean {
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined ? compact.length !== expected : compact.length < 15) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as two digits (A = 10 … Z = 35); feed them digit by digit to stay in range.
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** The longest prefix of `shape` (in printed characters) that is a valid IBAN, if any. */
function validPrefixLength(shape: string): number | undefined {
  const positions: number[] = [];
  let compact = "";
  for (let i = 0; i < shape.length; i += 1) {
    if (shape[i] === " ") continue;
    compact += shape[i]?.toUpperCase();
    positions.push(i + 1);
  }
  // The shape regex may swallow a following word such as "DE89 … 00 UND1"; shrink until valid.
  for (let length = compact.length; length >= 15; length -= 1) {
    if (isValidIban(compact.slice(0, length))) return positions[length - 1];
  }
  return undefined;
}

export const detectIbans: Detector = (source) => {
  const findings = [];
  for (const match of source.matchAll(IBAN_SHAPE)) {
    const start = match.index;
    const validLength = validPrefixLength(match[0]);
    if (validLength !== undefined) {
      findings.push(makeFinding(source, start, start + validLength, "iban"));
    } else if (IBAN_CUE.test(source.slice(Math.max(0, start - 12), start))) {
      // Labelled as IBAN but with a typo: still bank data the notes must not carry.
      findings.push(makeFinding(source, start, start + match[0].length, "iban"));
    }
  }
  return findings;
};
