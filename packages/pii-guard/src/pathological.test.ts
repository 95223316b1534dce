import { describe, expect, it } from "vitest";
import { ADVERSARIAL_PATTERNS, timePattern } from "../scripts/adversarial.ts";

// Linear is 10x for 10x text; catastrophic backtracking is 100x and more, so 30x leaves
// room for a noisy shared machine without letting a backtracking pattern pass. Below two
// milliseconds the timer dominates. `timePattern` keeps the fastest of several runs.
describe("pathological inputs", () => {
  it.each(Object.entries(ADVERSARIAL_PATTERNS))("stays linear on a 100 kB %s", (_name, pattern) => {
    const { small, large } = timePattern(pattern);
    expect(large).toBeLessThanOrEqual(30 * Math.max(small, 2));
    expect(large).toBeLessThan(500);
  });
});
