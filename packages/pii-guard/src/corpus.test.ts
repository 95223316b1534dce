import { describe, expect, it } from "vitest";
import { developmentCorpus, heldOutCorpus, heldOutUnseenCorpus } from "./corpus/index.ts";
import { findPii } from "./detect.ts";
import { evaluate, locateExpected } from "./evaluate.ts";
import { PII_KINDS, type PiiKind } from "./types.ts";

// Structured kinds follow fixed shapes or cues; names depend on lexicons and context.
const RECALL_FLOOR: Record<PiiKind, number> = {
  person_name: 0.93,
  birth_date: 0.97,
  phone: 0.97,
  email: 0.97,
  iban: 0.97,
  address: 0.97,
  file_number: 0.97,
  id_number: 0.97,
};
const PRECISION_FLOOR = 0.93;

describe("labelled corpus", () => {
  it("is large enough and every label occurs in its sentence", () => {
    expect(developmentCorpus.length).toBeGreaterThanOrEqual(150);
    for (const sentence of [...developmentCorpus, ...heldOutCorpus, ...heldOutUnseenCorpus]) {
      expect(() => locateExpected(sentence)).not.toThrow();
    }
    // The unseen-styles part must stay a real test: many lines, at least half hard negatives.
    expect(heldOutUnseenCorpus.length).toBeGreaterThanOrEqual(120);
    const negatives = heldOutUnseenCorpus.filter((s) => s.expected.length === 0).length;
    expect(negatives * 2).toBeGreaterThanOrEqual(heldOutUnseenCorpus.length);
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
