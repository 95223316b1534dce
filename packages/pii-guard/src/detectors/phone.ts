import { type Detector, makeFinding } from "./finding.ts";

// Separators people type inside a number: one space, a slash or dash with optional spaces.
const SEP = "(?: ?[/-] ?| )";
// +49 151 …, 0049 (0)521 …, +90 532 …: country code, an optional "(0)", then digit groups.
const INTERNATIONAL = String.raw`(?:\+|00)[1-9]\d{0,2} ?(?:\(0\) ?)?\d{1,5}(?:${SEP}\d{1,8}){0,6}`;
// 0176 12345678, 05231 / 62 47 11, (05261) 28 55 0, 0521-5577889, 0 52 31 / 98 76 54:
// a leading 0 area code, written compact, in parentheses or spaced out digit by digit.
const NATIONAL = String.raw`(?:\(0\d{2,5}\) ?|0\d{2,12}|0(?: \d{1,4}){2,4})(?:${SEP}\d{1,8}){0,6}`;
// A label typed without a space ("Tel.0521/…", "Mobil:0176 …") still starts a number.
const GLUED_LABEL = String.raw`(?<=\b(?:Tel|Telefon|Fon|Mobil|Handy|Fax|Nr)[.:])`;
// Not inside a longer token (file numbers such as 45.12-0815/2024, dates, amounts). Every
// number starts with +, ( or 0: checking that first spares the lookbehinds at every other
// position of a long document.
const PHONE = new RegExp(
  String.raw`(?=[+(0])(?:${GLUED_LABEL}|(?<![\p{L}\d.,/-]))(?:${INTERNATIONAL}|${NATIONAL})(?![\d]|[.,/-]\d)`,
  "gu",
);

/** German numbers have 7–15 digits including the leading 0 or the country code. */
const digitCount = (value: string) => value.replace(/\D/g, "").length;

export const detectPhoneNumbers: Detector = (source) => {
  const findings = [];
  for (const match of source.matchAll(PHONE)) {
    const value = match[0].trimEnd();
    const digits = digitCount(value);
    if (digits < 7 || digits > 15) continue;
    // A bare five-digit group followed by a town is a postcode, handled by the address rules.
    if (/^0\d{4}$/.test(value)) continue;
    findings.push(makeFinding(source, match.index, match.index + value.length, "phone"));
  }
  return findings;
};
