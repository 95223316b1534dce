import { describe, expect, it } from "vitest";
import { developmentCorpus, heldOutCorpus } from "./corpus/index.ts";
import { findPii } from "./detect.ts";
import { evaluate, locateExpected } from "./evaluate.ts";
import { PII_KINDS, type PiiKind } from "./types.ts";

// Structured kinds follow fixed shapes or cues; names depend on lexicons and context.
const RECALL_FLOOR: Record<PiiKind, number> = {
  person_name: 0.85,
  birth_date: 0.95,
  phone: 0.95,
  email: 0.95,
  iban: 0.95,
  address: 0.95,
  file_number: 0.95,
  id_number: 0.95,
};
const PRECISION_FLOOR = 0.9;

describe("labelled corpus", () => {
  it("is large enough and every label occurs in its sentence", () => {
    expect(developmentCorpus.length).toBeGreaterThanOrEqual(150);
    for (const sentence of [...developmentCorpus, ...heldOutCorpus]) {
      expect(() => locateExpected(sentence)).not.toThrow();
    }
    const kinds = new Set(developmentCorpus.flatMap((s) => s.expected.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual([...PII_KINDS].sort());
  });

  it("meets the precision and recall floors per kind (development part)", () => {
    const { scores } = evaluate(developmentCorpus, findPii);
    for (const score of scores) {
      const floor = score.kind === "overall" ? 0 : RECALL_FLOOR[score.kind];
      expect({ kind: score.kind, recall: score.recall >= floor }).toEqual({
        kind: score.kind,
        recall: true,
      });
      expect({ kind: score.kind, precision: score.precision >= PRECISION_FLOOR }).toEqual({
        kind: score.kind,
        precision: true,
      });
    }
  });
});
