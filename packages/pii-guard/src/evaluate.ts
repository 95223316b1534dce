import type { LabelledSentence } from "./corpus/index.ts";
import { PII_KINDS, type PiiFinding, type PiiKind } from "./types.ts";

export interface KindScore {
  kind: PiiKind | "overall";
  expected: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface Mismatch {
  sentence: string;
  missed: { kind: PiiKind; text: string }[];
  spurious: { kind: PiiKind; text: string }[];
}

interface Span {
  kind: PiiKind;
  start: number;
  end: number;
}

/** Places each expected span in its sentence, in order; a label that does not occur is a bug. */
export function locateExpected(sentence: LabelledSentence): Span[] {
  let from = 0;
  return sentence.expected.map(({ kind, text }) => {
    const start = sentence.text.indexOf(text, from);
    if (start < 0) throw new Error(`label "${text}" not found in: ${sentence.text}`);
    from = start + text.length;
    return { kind, start, end: start + text.length };
  });
}

const key = (span: Span) => `${span.kind}:${span.start}:${span.end}`;
// No finding and nothing expected: precision and recall are vacuously perfect.
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Strict span match: a finding counts only with the same kind and the exact same boundaries.
 * A half-found name ("Camara" for "Herr Camara") is one miss and one false alarm.
 */
export function evaluate(
  corpus: LabelledSentence[],
  detect: (text: string) => PiiFinding[],
): { scores: KindScore[]; mismatches: Mismatch[] } {
  const expectedCount = new Map<string, number>();
  const foundCount = new Map<string, number>();
  const hitCount = new Map<string, number>();
  const bump = (map: Map<string, number>, kind: string) => map.set(kind, (map.get(kind) ?? 0) + 1);
  const mismatches: Mismatch[] = [];

  for (const sentence of corpus) {
    const expected = locateExpected(sentence);
    const found = detect(sentence.text);
    const expectedKeys = new Set(expected.map(key));
    const foundKeys = new Set(found.map(key));
    for (const span of expected) bump(expectedCount, span.kind);
    for (const span of found) {
      bump(foundCount, span.kind);
      if (expectedKeys.has(key(span))) bump(hitCount, span.kind);
    }
    const missed = expected.filter((span) => !foundKeys.has(key(span)));
    const spurious = found.filter((span) => !expectedKeys.has(key(span)));
    if (missed.length > 0 || spurious.length > 0) {
      const describe = (span: Span) => ({
        kind: span.kind,
        text: sentence.text.slice(span.start, span.end),
      });
      mismatches.push({
        sentence: sentence.text,
        missed: missed.map(describe),
        spurious: spurious.map(describe),
      });
    }
  }

  const score = (kind: PiiKind | "overall", e: number, f: number, tp: number): KindScore => ({
    kind,
    expected: e,
    found: f,
    truePositives: tp,
    precision: ratio(tp, f),
    recall: ratio(tp, e),
  });
  const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
  const scores = PII_KINDS.map((kind) =>
    score(kind, expectedCount.get(kind) ?? 0, foundCount.get(kind) ?? 0, hitCount.get(kind) ?? 0),
  );
  scores.push(score("overall", total(expectedCount), total(foundCount), total(hitCount)));
  return { scores, mismatches };
}
