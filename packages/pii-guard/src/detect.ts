import { detectAddresses } from "./detectors/address.ts";
import { detectBirthDates } from "./detectors/birth-date.ts";
import { detectEmails } from "./detectors/email.ts";
import { detectFileNumbers } from "./detectors/file-number.ts";
import type { Detector } from "./detectors/finding.ts";
import { detectIbans } from "./detectors/iban.ts";
import { detectIdNumbers } from "./detectors/id-number.ts";
import { detectPersonNames } from "./detectors/person-name.ts";
import { detectPhoneNumbers } from "./detectors/phone.ts";
import type { PiiFinding } from "./types.ts";

// When two detectors claim overlapping text, the more specific shape wins: an e-mail address
// contains a name, a file number can look like a phone number, a street can hold a surname.
const DETECTORS: Detector[] = [
  detectEmails,
  detectIbans,
  detectIdNumbers,
  detectFileNumbers,
  detectBirthDates,
  detectPhoneNumbers,
  detectAddresses,
  detectPersonNames,
];

/**
 * Inserts `candidate` into `accepted` (sorted, non-overlapping) unless it overlaps a neighbour.
 * Binary search keeps a long protocol with thousands of findings linear-logarithmic.
 */
function insertIfFree(accepted: PiiFinding[], candidate: PiiFinding): void {
  let low = 0;
  let high = accepted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((accepted[middle]?.start ?? 0) < candidate.start) low = middle + 1;
    else high = middle;
  }
  const before = accepted[low - 1];
  const after = accepted[low];
  if (before && before.end > candidate.start) return;
  if (after && after.start < candidate.end) return;
  accepted.splice(low, 0, candidate);
}

/** Every span of personal data in `text`, ordered by position and never overlapping. */
export function findPii(text: string): PiiFinding[] {
  const accepted: PiiFinding[] = [];
  for (const detector of DETECTORS) {
    const candidates = detector(text).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const candidate of candidates) insertIfFree(accepted, candidate);
  }
  return accepted;
}
