import { describe, expect, it } from "vitest";
import { findConference, signInDemo, waitHealthy } from "../../test/crash/demo-api.ts";
import { useDemoServerProcess } from "../../test/crash/demo-server.ts";
import { createRandom, randomInt } from "../../test/crash/random.ts";
import { markersIn, RawDocClient } from "../../test/crash/raw-doc-client.ts";
import { waitUntil } from "../../test/wait.ts";

/*
 * SAVED n promises that the first n update frames of a connection are durable.
 * This test holds the real server process to that promise the hard way: it is
 * SIGKILLed (no shutdown hook, no final flush) while several clients write,
 * restarted on the same database, and every acknowledged edit must be there.
 */

const CYCLES = 4;
/**
 * Acknowledged markers per cycle before the kill: enough that writes are in
 * full flow; varied by the seed so the kills land at different stages (the
 * log passes the compaction threshold of 500 updates along the way).
 */
const ackedBeforeKill = (random: () => number) => 80 + randomInt(random, 200);
/** Extra markers per client sent in the same tick as the kill: surely not acked. */
const BURST = 3;
const SEED = 0x5eed_c4a5;

const demo = useDemoServerProcess();

interface CycleStats {
  /** Acked markers (all clients, all cycles so far) when the kill was sent. */
  ackedAtKill: number;
  /** Update frames sent but not yet acked on the open connections at the kill. */
  inFlightAtKill: number;
  /** Markers ever put on the wire that are not in the database after this restart (none acked). */
  lostUnacked: number;
  ms: number;
}

describe("crash recovery of the real server process", () => {
  it("keeps every acknowledged update through repeated SIGKILL and restart", async () => {
    // Kill points from one generator, each writer's edits from its own: the
    // writers run concurrently and must not shift each other's sequences.
    // (Where exactly the kill lands in the server's work is timing, not seed.)
    const random = createRandom(SEED);
    // Signed in once: sessions live in the database and must survive the kills.
    const { cookie: kim } = await signInDemo(demo.server.address, "kim@demo.test");
    const { cookie: abh } = await signInDemo(demo.server.address, "abh@demo.test");
    const conferenceId = await findConference(demo.server.address, kim, "RT-2026-0007", "planned");

    // Outlives every crash like a browser tab: after each restart it reconnects
    // and its step2 must re-send (and get acked) what the server lost.
    const survivor = new RawDocClient("survivor");
    const everyone: RawDocClient[] = [survivor];
    const stats: CycleStats[] = [];
    try {
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const started = Date.now();
        const fresh = [
          new RawDocClient(`kim-${cycle}`),
          new RawDocClient(`abh-${cycle}a`),
          new RawDocClient(`abh-${cycle}b`),
        ];
        everyone.push(...fresh);
        const writers = [survivor, ...fresh];
        const cookies = [kim, kim, abh, abh];
        await Promise.all(
          writers.map((client, i) =>
            client.connect(demo.server.wsBase, conferenceId, cookies[i] ?? kim),
          ),
        );
        await waitUntil(
          () => writers.every((c) => c.synced && c.savedCount === c.sentCount),
          `cycle ${cycle}: clients synced and their step2 acked`,
          10_000,
        );

        const ackedBefore = writers.reduce((sum, c) => sum + c.acked.size, 0);
        const target = ackedBeforeKill(random);
        let writing = true;
        const loops = writers.map(async (client, index) => {
          const own = createRandom(SEED + cycle * 16 + index);
          for (let i = 0; writing && client.isOpen; i++) {
            client.insertMarker(`‹${cycle}.${index}.${i}›`, (n) => randomInt(own, n));
            // 1-4 ms apart: four clients together keep the write queue busy.
            await new Promise((resolve) => setTimeout(resolve, 1 + randomInt(own, 4)));
          }
        });
        await waitUntil(
          () => writers.reduce((sum, c) => sum + c.acked.size, 0) - ackedBefore >= target,
          `cycle ${cycle}: ${target} acknowledged updates`,
          15_000,
        );

        // Kill in the same tick as a burst of fresh frames, so updates are
        // on the wire, in the server's queue or in a write when it dies.
        writing = false;
        for (const client of writers) {
          for (let b = 0; b < BURST; b++)
            client.insertMarker(`‹${cycle}.${writers.indexOf(client)}.burst${b}›`, (n) => n - 1);
        }
        const inFlightAtKill = writers.reduce((sum, c) => sum + c.sentCount - c.savedCount, 0);
        const ackedAtKill = new Set(everyone.flatMap((c) => [...c.acked])).size;
        await demo.server.kill();
        await Promise.all(loops);
        await Promise.all(writers.map((c) => c.whenClosed()));

        await demo.server.start();
        await waitHealthy(demo.server.address);

        // A client that never saw the document: what it loads comes from the database.
        const loader = new RawDocClient(`loader-${cycle}`);
        try {
          await loader.connect(demo.server.wsBase, conferenceId, abh);
          await waitUntil(() => loader.synced, `cycle ${cycle}: loader synced`, 10_000);
          const text = loader.text.toString();
          const loaded = markersIn(text);
          const present = new Set(loaded);
          const acked = new Set(everyone.flatMap((c) => [...c.acked]));
          const missing = [...acked].filter((marker) => !present.has(marker));
          expect(missing, `acknowledged but lost after kill #${cycle}`).toEqual([]);
          // Nothing else in the text: no half-applied or duplicated inserts.
          expect(loaded.join("")).toBe(text);
          expect(present.size).toBe(loaded.length);
          const sent = new Set(everyone.flatMap((c) => [...c.sentMarkers]));
          stats.push({
            ackedAtKill,
            inFlightAtKill,
            lostUnacked: [...sent].filter((marker) => !present.has(marker)).length,
            ms: Date.now() - started,
          });
        } finally {
          loader.destroy();
        }
        for (const client of fresh) client.destroy();
      }

      // The survivor's last reconnect re-sends what the last kill lost; once
      // that step2 is acked, one more kill must not lose any of it either.
      await survivor.connect(demo.server.wsBase, conferenceId, kim);
      await waitUntil(
        () => survivor.synced && survivor.savedCount === survivor.sentCount,
        "survivor re-sent and acked",
        10_000,
      );
      await demo.server.kill();
      await survivor.whenClosed();
      await demo.server.start();
      await waitHealthy(demo.server.address);
      const checker = new RawDocClient("checker");
      everyone.push(checker);
      await checker.connect(demo.server.wsBase, conferenceId, kim);
      await waitUntil(() => checker.synced, "checker synced", 10_000);
      const stored = new Set(markersIn(checker.text.toString()));
      const everAcked = new Set(everyone.flatMap((c) => [...c.acked]));
      expect(
        [...everAcked].filter((marker) => !stored.has(marker)),
        "acknowledged but lost after the last kill",
      ).toEqual([]);
      expect(markersIn(survivor.text.toString()).filter((m) => !stored.has(m))).toEqual([]);

      expect(everyone.flatMap((c) => c.violations)).toEqual([]);
      // Each kill had unacknowledged frames in flight (the burst at least).
      for (const cycle of stats) expect(cycle.inFlightAtKill).toBeGreaterThan(0);
      console.info(`crash-recovery (${demo.database.kind}): ${JSON.stringify(stats)}`);
    } finally {
      for (const client of everyone) client.destroy();
    }
  }, 90_000);
});
