import { detectAddresses } from "./detectors/address.ts";
import { detectBirthDatesWithNames } from "./detectors/birth-date.ts";
import { detectEmails } from "./detectors/email.ts";
import { detectFileNumbers } from "./detectors/file-number.ts";
import { detectIbans } from "./detectors/iban.ts";
import { detectIdNumbers } from "./detectors/id-number.ts";
import { detectPersonNames } from "./detectors/person-name.ts";
import { detectPhoneNumbers } from "./detectors/phone.ts";
import type { PiiFinding } from "./types.ts";

// When two detectors claim overlapping text, the more specific shape wins: an e-mail address
// contains a name, a file number can look like a phone number, a street can hold a surname.
// Names are found once: a date right after a name ("Yusuf Demirci (07.05.2001)") is a birth date.
const DETECTORS: ((text: string, names: PiiFinding[]) => PiiFinding[])[] = [
  detectEmails,
  detectIbans,
  detectIdNumbers,
  detectFileNumbers,
  detectBirthDatesWithNames,
  detectPhoneNumbers,
  detectAddresses,
  (_text, names) => names,
];

/** Every span of personal data in `text`, ordered by position and never overlapping. */
export function findPii(text: string): PiiFinding[] {
  const accepted: PiiFinding[] = [];
  // Characters already covered by an accepted finding. Checking a candidate costs its length,
  // so the total stays linear even with thousands of findings (a sorted array with splice
  // would be quadratic on adversarial input).
  const claimed = new Uint8Array(text.length);
  const names = detectPersonNames(text);
  for (const detector of DETECTORS) {
    const candidates = detector(text, names).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const candidate of candidates) {
      let free = true;
      for (let i = candidate.start; i < candidate.end; i += 1) {
        if (claimed[i] === 1) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      claimed.fill(1, candidate.start, candidate.end);
      accepted.push(candidate);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}
