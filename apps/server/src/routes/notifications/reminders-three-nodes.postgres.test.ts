import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@runder-tisch/db";
import { schema } from "@runder-tisch/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { createTestDatabase } from "../../../test/test-database.ts";
import { pollUntil } from "../../../test/wait.ts";
import { scheduleJob } from "../../jobs/job-queue.ts";
import { IdentityCipher } from "../../lib/identity-crypto.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import { REMINDER_JOB } from "./reminder-job.ts";

let database: DatabaseHandle;
const nodes: TestContext[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const identityCipher = new IdentityCipher(randomBytes(32));
  // Every node polls the one queue, as three servers behind a proxy would.
  for (let index = 0; index < 3; index += 1) {
    nodes.push(await createTestApp({ JOB_POLL_MS: "50" }, { database, identityCipher }));
  }
});
afterAll(async () => {
  for (const node of nodes) await node.close();
  await database.close();
});

describe("a reminder on three nodes polling one database", () => {
  it("is written exactly once", async () => {
    const [first] = nodes as [TestContext];
    const kim = await buildMember(first);
    const abh = await buildMember(first);
    const caseRow = await factories.createCase(first.db, { ownerAgencyId: kim.agency.id });
    await factories.grantSharingBasis(first.db, {
      caseId: caseRow.id,
      agencyId: abh.agency.id,
      recordedBy: kim.user.id,
    });
    const action = await factories.createAction(first.db, {
      caseId: caseRow.id,
      responsibleAgencyId: abh.agency.id,
      responsibleUserId: abh.user.id,
      dueDate: addDays(todayInBerlin(), 1),
    });
    const dedupeKey = `three-nodes:${action.id}`;
    await scheduleJob(first.db, { kind: REMINDER_JOB, dedupeKey });

    const doneRuns = () =>
      first.db
        .select({ id: schema.jobs.id })
        .from(schema.jobs)
        .where(and(eq(schema.jobs.dedupeKey, dedupeKey), isNotNull(schema.jobs.doneAt)));
    expect(await pollUntil(doneRuns, (runs) => runs.length === 1, 10_000)).toHaveLength(1);
    // Give the other nodes a few more polls to do it again, should they.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const rows = await first.db
      .select({ kind: schema.notifications.kind, userId: schema.notifications.userId })
      .from(schema.notifications)
      .where(eq(schema.notifications.actionId, action.id));
    expect(rows).toEqual([{ kind: "action_due_soon", userId: abh.user.id }]);
  });
});
