import { describe, expect, it } from "vitest";
import { runSoak } from "../../test/soak.ts";

// The hour-long run is `npx --yes pnpm@10 --filter @runder-tisch/server soak`; its
// figures are in docs/benchmarks.md. Here the same run, for seconds.
describe("a soak of joining, writing and leaving while a twentieth of the writes fail", () => {
  it("loses no acknowledged edit and leaves nothing loaded", async () => {
    const figures = await runSoak({
      durationMs: 6_000,
      documents: 40,
      clientsPerRound: 10,
      failRate: 0.05,
      seed: 7,
    });
    expect(figures.rounds).toBeGreaterThan(3);
    expect(figures.failedWrites).toBeGreaterThan(0);
    expect(figures.lost).toBe(0);
    expect(figures.documentsLoadedAtEnd).toBe(0);
    expect(figures.connectionsAtEnd).toBe(0);
    expect(figures.pendingWritesAtEnd).toBe(0);
  });
});
