import type { PiiKind } from "../types.ts";

/** What a human annotator marked: the kind and the exact text of the span. */
export interface ExpectedSpan {
  kind: PiiKind;
  text: string;
}

export interface LabelledSentence {
  text: string;
  expected: ExpectedSpan[];
}

/**
 * One corpus line. Spans are listed in the order they occur, so a text that occurs twice
 * ("Herr Camara … Herr Camara") is listed twice and located one after the other.
 */
export const labelled = (text: string, ...spans: [PiiKind, string][]): LabelledSentence => ({
  text,
  expected: spans.map(([kind, spanText]) => ({ kind, text: spanText })),
});
