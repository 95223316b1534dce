import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type DemoSignIn, signInDemo, waitHealthy } from "../../test/crash/demo-api.ts";
import { useDemoServerProcess } from "../../test/crash/demo-server.ts";
import { createRandom, randomInt } from "../../test/crash/random.ts";

/*
 * A change and its audit row are one transaction. The real server process is
 * killed exactly between the two (a crash point), and at random moments while
 * several clients open cases as fast as it answers; afterwards every case has
 * its audit row and every audit row its case.
 */

const RANDOM_KILLS = 2;
const WRITERS = 8;
const SEED = 0xa0d1_7000;
const PROBE = "Absturzprobe";

const demo = useDemoServerProcess();

/** Opens cases until `stop` resolves or the server goes away; counts the answered ones. */
async function openCases(address: string, user: DemoSignIn, state: { answered: number }) {
  for (;;) {
    try {
      const response = await fetch(`${address}/api/cases`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: user.cookie,
          "x-csrf-token": user.csrfToken,
        },
        body: JSON.stringify({ summary: PROBE }),
      });
      if (response.status !== 201) return;
      state.answered += 1;
    } catch {
      return; // the server was killed mid-request
    }
  }
}

/** Ids of probe cases, and of the cases the audit trail says were created. */
async function casesAndAuditRows() {
  const handle = await demo.database.open();
  try {
    const cases = await handle.db
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(eq(schema.cases.summary, PROBE));
    const audited = await handle.db
      .select({ id: schema.auditLog.targetId })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "create"), eq(schema.auditLog.targetType, "case")));
    return {
      cases: cases.map((row) => row.id).sort(),
      audited: audited.map((row) => row.id ?? "").sort(),
    };
  } finally {
    await handle.close();
  }
}

async function restart(extraEnv: Record<string, string> = {}) {
  await demo.server.kill();
  await demo.server.start(extraEnv);
  await waitHealthy(demo.server.address);
}

describe("audit rows under SIGKILL", () => {
  it("finds each opened case together with its audit row, or neither", async () => {
    // Exactly between the change and its audit row: the change must be gone too.
    await restart({ RT_CRASH_POINT: "audited-write:before-audit" });
    const doomed = await signInDemo(demo.server.address, "kim@demo.test");
    const state = { answered: 0 };
    await openCases(demo.server.address, doomed, state);
    expect(state.answered).toBe(0);
    await demo.server.kill();
    expect(await casesAndAuditRows()).toEqual({ cases: [], audited: [] });

    // At random moments under load.
    const random = createRandom(SEED);
    const kills: { answered: number; cases: number }[] = [];
    for (let cycle = 1; cycle <= RANDOM_KILLS; cycle++) {
      await restart();
      const user = await signInDemo(demo.server.address, "kim@demo.test");
      const load = { answered: 0 };
      const writers = Array.from({ length: WRITERS }, () =>
        openCases(demo.server.address, user, load),
      );
      const killAfter = 20 + randomInt(random, 40);
      while (load.answered < killAfter) await new Promise((resolve) => setTimeout(resolve, 2));
      await demo.server.kill();
      await Promise.all(writers);
      const { cases, audited } = await casesAndAuditRows();
      expect(audited).toEqual(cases);
      kills.push({ answered: load.answered, cases: cases.length });
    }
    console.info(`audit-atomicity (${demo.database.kind}): ${JSON.stringify(kills)}`);

    // After a restart the rows a kill left unsealed are chained like any other.
    await restart();
    const admin = await signInDemo(demo.server.address, "admin@demo.test");
    const verified = await fetch(`${demo.server.address}/api/admin/audit/verify`, {
      headers: { cookie: admin.cookie },
    });
    expect(await verified.json()).toMatchObject({ valid: true, pending: 0 });
  }, 120_000);
});
