import type { Catalogue } from "./de.ts";

/**
 * Tigrinya: only headings, labels and status words so far. Sentences fall
 * back to German, marked, until a reviewed translation is added here.
 */
export const ti = {
  "goal.title": "ስምምዕ ዕላማታት",
  "goal.case_number": "ቁጽሪ ፋይልኩም",
  "goal.goals": "ዕላማታትኩም",
  "goal.who": "መን",
  "goal.until": "ክሳብ መዓስ",
  "goal.state": "ኩነታት",
  "goal.next": "ዝቕጽል ርክብ",
  "status.open": "ክፉት",
  "status.done": "ተፈጺሙ",
  "sheet.why": "ስለምንታይ",
  "sheet.purpose": "ንምንታይ",
  "sheet.until": "ክሳብ መዓስ",
  "mark.not_translated": "ዘይተተርጎመ",
  "mark.translation_missing": "ትርጉም የለን",
  "page.footer": "ገጽ {page} ካብ {pages}",
} satisfies Catalogue;
