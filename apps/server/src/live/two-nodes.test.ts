import { randomBytes } from "node:crypto";
import { CloseCode } from "@runder-tisch/collab-protocol";
import type { DatabaseHandle } from "@runder-tisch/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, factories } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { createTestDatabase } from "../../test/test-database.ts";
import { waitUntil } from "../../test/wait.ts";
import { type CollabBus, InProcessBus, RedisBus } from "../collab/index.ts";
import { IdentityCipher } from "../lib/identity-crypto.ts";

// The real Redis of the machine when the run names one (CI does); otherwise the
// in-process bus stands in, so the multi-node logic is still exercised.
const redisUrl = process.env.TEST_REDIS_URL;
const busFor = (): CollabBus => (redisUrl ? new RedisBus({ url: redisUrl }) : sharedBus);
const sharedBus = new InProcessBus();

let database: DatabaseHandle;
let nodeA: TestContext;
let nodeB: TestContext;
let baseA: string;
let baseB: string;
const buses: CollabBus[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Every node shares IDENTITY_KEY in production; so do these two.
  const identityCipher = new IdentityCipher(randomBytes(32));
  buses.push(busFor(), busFor());
  nodeA = await createTestApp({}, { database, identityCipher, collaboration: { bus: buses[0] } });
  nodeB = await createTestApp({}, { database, identityCipher, collaboration: { bus: buses[1] } });
  baseA = await listenOnLoopback(nodeA.app);
  baseB = await listenOnLoopback(nodeB.app);
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  for (const bus of new Set(buses)) await bus.close();
  await database.close();
});

describe(`two server nodes over ${redisUrl ? "Redis" : "the in-process bus"}`, () => {
  it("converge on one document and cut off a revoked agency on both nodes", async () => {
    const owner = await buildMember(nodeA);
    const partner = await buildMember(nodeA);
    const caseRow = await factories.createCase(nodeA.db, { ownerAgencyId: owner.agency.id });
    const basis = await factories.grantSharingBasis(nodeA.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const conference = await factories.createConference(nodeA.db, { caseId: caseRow.id }, [
      { agencyId: partner.agency.id },
    ]);
    const ownerOnA = openDocument(baseA, conference.id, { cookie: owner.session.cookie });
    const partnerOnA = openDocument(baseA, conference.id, { cookie: partner.session.cookie });
    const partnerOnB = openDocument(baseB, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(
        () => ownerOnA.provider.synced && partnerOnA.provider.synced && partnerOnB.provider.synced,
        "all synced",
      );
      ownerOnA.doc.getText("probe").insert(0, "Knoten A schreibt. ");
      partnerOnB.doc.getText("probe").insert(0, "Knoten B schreibt. ");
      await waitUntil(
        () =>
          ownerOnA.notes() === partnerOnB.notes() &&
          ownerOnA.notes().includes("Knoten A") &&
          ownerOnA.notes().includes("Knoten B"),
        "convergence across nodes",
      );

      const revoked = await owner.session.post(
        `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
        {},
      );
      expect(revoked.statusCode).toBe(200);
      await waitUntil(
        () => partnerOnA.closes.length > 0 && partnerOnB.closes.length > 0,
        "partner cut off on both nodes",
        2_000,
      );
      expect(partnerOnA.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
      expect(partnerOnB.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
      expect(ownerOnA.closes).toEqual([]);
    } finally {
      ownerOnA.destroy();
      partnerOnA.destroy();
      partnerOnB.destroy();
    }
  });
});
