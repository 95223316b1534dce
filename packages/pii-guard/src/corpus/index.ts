import { addressSentences } from "./addresses.ts";
import { birthDateSentences } from "./birth-dates.ts";
import { contactSentences } from "./contact.ts";
import { documentSentences } from "./documents.ts";
import { harderSentences } from "./harder.ts";
import { heldOutSentences } from "./held-out.ts";
import { heldOutUnseenSentences } from "./held-out-unseen.ts";
import type { LabelledSentence } from "./labelled.ts";
import { mixedSentences } from "./mixed.ts";
import { nameSentences } from "./names.ts";
import { negativeSentences } from "./negatives.ts";
import { unseenStyleSentences } from "./unseen-styles.ts";

export type { ExpectedSpan, LabelledSentence } from "./labelled.ts";

/** The part used while developing the detector. */
export const developmentCorpus: LabelledSentence[] = [
  ...nameSentences,
  ...birthDateSentences,
  ...contactSentences,
  ...addressSentences,
  ...documentSentences,
  ...negativeSentences,
  ...mixedSentences,
  ...harderSentences,
  ...unseenStyleSentences,
];

/** Evaluated only at the end and reported separately. */
export const heldOutCorpus: LabelledSentence[] = heldOutSentences;

/**
 * Written before the rules for misses on unseen notes were added and never used to tune them:
 * the closest this repository has to an independent test set.
 */
export const heldOutUnseenCorpus: LabelledSentence[] = heldOutUnseenSentences;
