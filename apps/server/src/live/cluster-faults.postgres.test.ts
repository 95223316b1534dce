import { describe, expect, it } from "vitest";
import { runClusterFaults } from "../../test/cluster/cluster-faults.ts";
import { createFreshDatabase } from "../../test/crash/fresh-database.ts";

/*
 * Three nodes on one PostgreSQL database behind a proxy, with nodes and Redis
 * killed during editing (test/cluster/cluster-faults.ts). Here a short seeded
 * run; `pnpm --filter @runder-tisch/server cluster-faults` runs the long series
 * whose figures are in docs/benchmarks.md.
 */

describe("three nodes behind a proxy, nodes and Redis killed while people edit", () => {
  it("loses no acknowledged edit, converges after recovery and enforces revocations within 2 s", async () => {
    const database = await createFreshDatabase();
    try {
      const report = await runClusterFaults({
        seed: 0x0c1a_57e4,
        kills: 8,
        revocations: 2,
        databaseUrl: database.env.DATABASE_URL as string,
      });
      console.info(`cluster-faults: ${JSON.stringify(report)}`);

      expect(report.nodeKills + report.redisKills).toBe(8);
      expect(report.redisKills).toBeGreaterThanOrEqual(1);
      expect(report.acknowledged).toBeGreaterThan(100);
      expect(report.lostInDatabase).toEqual([]);
      expect(report.lostAcknowledged).toEqual([]);
      expect(report.loaderPending).toBe(false);
      expect(report.violations).toEqual([]);
      expect(report.convergedAfterMs).toBeLessThanOrEqual(5_000);
      expect(report.revocations).toHaveLength(2);
      // One of them while Redis was down: then only the database tells the other nodes.
      expect(report.revocations.some((revocation) => revocation.busDown)).toBe(true);
      for (const revocation of report.revocations) {
        expect(revocation.closedAfterMs).toBeLessThanOrEqual(2_000);
        expect(revocation.acknowledgedLate).toBe(0);
        expect(revocation.reconnectRefused).toBe(true);
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});
