import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@runder-tisch/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, factories } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { createTestDatabase } from "../../test/test-database.ts";
import { waitUntil } from "../../test/wait.ts";
import { decodeBusMessage } from "../collab/bus-messages.ts";
import { type CollabBus, InProcessBus } from "../collab/index.ts";
import { IdentityCipher } from "../lib/identity-crypto.ts";

/** A bus that loses every document update between nodes, as a broken Redis link would. */
class UpdateLosingBus implements CollabBus {
  lost = 0;
  /** How many of the next stored-range notices to lose as well. */
  loseNotices = 0;
  constructor(private readonly inner: CollabBus) {}
  async publish(channel: string, bytes: Uint8Array): Promise<void> {
    if (channel.startsWith("collab:doc:") && decodeBusMessage(bytes)?.kind === "update") {
      this.lost += 1;
      return;
    }
    if (channel === "rt:document-sequence" && this.loseNotices > 0) {
      this.loseNotices -= 1;
      return;
    }
    await this.inner.publish(channel, bytes);
  }
  subscribe(channel: string, handler: (bytes: Uint8Array) => void) {
    return this.inner.subscribe(channel, handler);
  }
  close() {
    return this.inner.close();
  }
}

let database: DatabaseHandle;
let nodeA: TestContext;
let nodeB: TestContext;
let baseA: string;
let baseB: string;
const bus = new UpdateLosingBus(new InProcessBus());

beforeAll(async () => {
  database = await createTestDatabase();
  const identityCipher = new IdentityCipher(randomBytes(32));
  nodeA = await createTestApp({}, { database, identityCipher, collaboration: { bus } });
  nodeB = await createTestApp({}, { database, identityCipher, collaboration: { bus } });
  baseA = await listenOnLoopback(nodeA.app);
  baseB = await listenOnLoopback(nodeB.app);
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  await bus.close();
  await database.close();
});

describe("a node that missed updates on the bus", () => {
  it("receives what another node stored, numbered, even when the immediate relay is lost", async () => {
    const owner = await buildMember(nodeA);
    const caseRow = await factories.createCase(nodeA.db, { ownerAgencyId: owner.agency.id });
    const conference = await factories.createConference(nodeA.db, { caseId: caseRow.id });
    const onA = openDocument(baseA, conference.id, { cookie: owner.session.cookie });
    const onB = openDocument(baseB, conference.id, { cookie: owner.session.cookie });
    try {
      await waitUntil(() => onA.provider.synced && onB.provider.synced, "both synced");
      onA.doc.getText("probe").insert(0, "nur über die Datenbank ");
      // Well before the periodic re-sync between nodes (15 s) could repair it.
      await waitUntil(() => onB.notes().includes("nur über die Datenbank"), "B catches up", 3_000);
      expect(bus.lost).toBeGreaterThan(0);
      onB.doc.getText("probe").insert(0, "und zurück ");
      await waitUntil(
        () => onA.notes() === onB.notes() && onA.notes().startsWith("und zurück"),
        "A catches up",
        3_000,
      );
    } finally {
      onA.destroy();
      onB.destroy();
    }
  });

  it("reads the missing updates from the update log when it sees a gap in sequence numbers", async () => {
    const owner = await buildMember(nodeA);
    const caseRow = await factories.createCase(nodeA.db, { ownerAgencyId: owner.agency.id });
    const conference = await factories.createConference(nodeA.db, { caseId: caseRow.id });
    const onA = openDocument(baseA, conference.id, { cookie: owner.session.cookie });
    const onB = openDocument(baseB, conference.id, { cookie: owner.session.cookie });
    try {
      await waitUntil(() => onA.provider.synced && onB.provider.synced, "both synced");
      bus.loseNotices = 1;
      onA.doc.getText("probe").insert(0, "eins ");
      await waitUntil(() => bus.loseNotices === 0, "first notice lost");
      await nodeA.app.collab.flush();
      expect(onB.notes()).not.toContain("eins");
      onA.doc.getText("probe").insert(5, "zwei ");
      await waitUntil(() => onB.notes() === "eins zwei ", "B reads the gap from the log", 3_000);
    } finally {
      onA.destroy();
      onB.destroy();
    }
  });
});
