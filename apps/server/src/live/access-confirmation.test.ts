import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { CloseCode } from "@runder-tisch/collab-protocol";
import type { DatabaseHandle } from "@runder-tisch/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConferenceScenario, buildMember } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { openEventStream } from "../../test/event-stream.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { createTestDatabase } from "../../test/test-database.ts";
import { waitUntil } from "../../test/wait.ts";
import { InProcessBus } from "../collab/index.ts";
import { IdentityCipher } from "../lib/identity-crypto.ts";
import { AccessConfirmation } from "./access-confirmation.ts";

/** What the issue asks of every node, whatever the bus between them does. */
const ENFORCED_WITHIN_MS = 2_000;

describe("the access version read", () => {
  it("re-checks open channels when the version moves, and only then", async () => {
    let version = 1n;
    let rechecks = 0;
    const confirmation = new AccessConfirmation({
      readVersion: async () => version,
      checkEveryMs: 20,
      confirmedForMs: 1_000,
      recheck: async () => {
        rechecks++;
      },
      onError: () => {},
    });
    await confirmation.start();
    try {
      expect(rechecks).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rechecks).toBe(1);
      version = 2n;
      await waitUntil(() => rechecks === 2, "re-checked after the version moved");
    } finally {
      await confirmation.stop();
    }
  });

  it("refuses updates once it has not read the version for a while, and allows them again", async () => {
    let reachable = true;
    const confirmation = new AccessConfirmation({
      readVersion: async () => {
        if (!reachable) throw new Error("database unreachable");
        return 1n;
      },
      checkEveryMs: 20,
      confirmedForMs: 200,
      recheck: async () => {},
      onError: () => {},
    });
    await confirmation.start();
    try {
      expect(confirmation.mayApplyUpdates()).toBe(true);
      reachable = false;
      await waitUntil(() => !confirmation.mayApplyUpdates(), "fails closed");
      reachable = true;
      await waitUntil(() => confirmation.mayApplyUpdates(), "open again");
    } finally {
      await confirmation.stop();
    }
  });
});

describe("confirming afresh for an update that came after the last read", () => {
  /** Reads of the access version that wait until the test answers them, in order. */
  function heldReads() {
    const waiting: Array<{ resolve: (v: bigint) => void; reject: (e: Error) => void }> = [];
    return {
      waiting,
      read: () => new Promise<bigint>((resolve, reject) => waiting.push({ resolve, reject })),
    };
  }

  const confirmationOver = (read: () => Promise<bigint>) =>
    new AccessConfirmation({
      readVersion: read,
      // Only the test starts reads here.
      checkEveryMs: 3_600_000,
      confirmedForMs: 1_000,
      recheck: async () => {},
      onError: () => {},
    });

  it("does not count a read begun before it was asked, and says yes after the next", async () => {
    const reads = heldReads();
    const confirmation = confirmationOver(reads.read);
    const begunBefore = confirmation.check();
    let answer: boolean | undefined;
    void confirmation.confirmUpdates().then((confirmed) => {
      answer = confirmed;
    });
    reads.waiting[0]?.resolve(1n);
    await begunBefore;
    await waitUntil(() => reads.waiting.length === 2, "a second read, begun after the question");
    expect(answer).toBeUndefined();
    reads.waiting[1]?.resolve(1n);
    await waitUntil(() => answer !== undefined, "answered");
    expect(answer).toBe(true);
    await confirmation.stop();
  });

  it("says no when the read fails, and shares one read between those who ask", async () => {
    const reads = heldReads();
    const confirmation = confirmationOver(reads.read);
    const answers = Promise.all([confirmation.confirmUpdates(), confirmation.confirmUpdates()]);
    await waitUntil(() => reads.waiting.length === 1, "one read");
    reads.waiting[0]?.reject(new Error("database unreachable"));
    expect(await answers).toEqual([false, false]);
    expect(reads.waiting).toHaveLength(1);
    expect(confirmation.mayApplyUpdates()).toBe(false);
    await confirmation.stop();
  });
});

describe("two nodes whose event bus carries nothing, as while Redis is down", () => {
  let database: DatabaseHandle;
  let nodeA: TestContext;
  let nodeB: TestContext;
  let baseB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const identityCipher = new IdentityCipher(randomBytes(32));
    // Each node has a bus of its own: nothing published on one reaches the other.
    nodeA = await createTestApp(
      {},
      { database, identityCipher, collaboration: { bus: new InProcessBus() } },
    );
    nodeB = await createTestApp(
      {},
      { database, identityCipher, collaboration: { bus: new InProcessBus() } },
    );
    baseB = await listenOnLoopback(nodeB.app);
  });
  afterAll(async () => {
    await nodeA.close();
    await nodeB.close();
    await database.close();
  });

  async function partnerInRoomOnB() {
    const { owner, partner, caseRow, basis, conference } = await buildConferenceScenario(nodeA, {
      conferenceValues: { status: "live" },
      outsiderHasBasis: false,
    });
    const ownerOnB = openDocument(baseB, conference.id, { cookie: owner.session.cookie });
    const partnerOnB = openDocument(baseB, conference.id, { cookie: partner.session.cookie });
    await waitUntil(
      () => ownerOnB.provider.synced && partnerOnB.provider.synced,
      "both in the room on node B",
    );
    return { owner, partner, caseRow, basis, conference, ownerOnB, partnerOnB };
  }

  it("closes the room of an agency whose basis was revoked on the other node", async () => {
    const { owner, caseRow, basis, ownerOnB, partnerOnB } = await partnerInRoomOnB();
    try {
      const revoked = await owner.session.post(
        `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
        {},
      );
      expect(revoked.statusCode).toBe(200);
      await waitUntil(() => partnerOnB.closes.length > 0, "partner cut off", ENFORCED_WITHIN_MS);
      expect(partnerOnB.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
      expect(ownerOnB.closes).toEqual([]);
    } finally {
      ownerOnB.destroy();
      partnerOnB.destroy();
    }
  });

  it("closes the room of a person disabled on the other node", async () => {
    const { partner, ownerOnB, partnerOnB } = await partnerInRoomOnB();
    const admin = await buildMember(nodeA, { role: "platform_admin" });
    try {
      const disabled = await admin.session.patch(`/api/users/${partner.user.id}`, {
        disabled: true,
      });
      expect(disabled.statusCode).toBe(200);
      await waitUntil(
        () => partnerOnB.closes.length > 0,
        "disabled person cut off",
        ENFORCED_WITHIN_MS,
      );
      expect(ownerOnB.closes).toEqual([]);
    } finally {
      ownerOnB.destroy();
      partnerOnB.destroy();
    }
  });

  it("ends the socket, the event stream and the tokens of a session signed out on the other node", async () => {
    const { partner, conference, ownerOnB, partnerOnB } = await partnerInRoomOnB();
    const tokenResponse = await partner.session.post(
      `/api/conferences/${conference.id}/collab-token`,
    );
    expect(tokenResponse.statusCode).toBe(200);
    const { token } = tokenResponse.json() as { token: string };
    const port = (nodeB.app.server.address() as AddressInfo).port;
    const stream = await openEventStream(port, partner.session.cookie);
    try {
      expect(stream.status).toBe(200);
      const loggedOut = await partner.session.post("/api/auth/logout");
      expect(loggedOut.statusCode).toBeLessThan(300);
      await waitUntil(
        () => partnerOnB.closes.length > 0 && stream.ended,
        "socket and stream of the signed-out session ended",
        ENFORCED_WITHIN_MS,
      );
      expect(partnerOnB.closes[0]).toBe(CloseCode.UNAUTHORISED);
      expect(ownerOnB.closes).toEqual([]);

      // A token fetched before signing out no longer opens the room.
      const withToken = openDocument(baseB, conference.id, { token });
      try {
        await waitUntil(() => withToken.closes.length > 0, "token refused");
        expect(withToken.closes[0]).toBe(CloseCode.UNAUTHORISED);
        expect(withToken.provider.synced).toBe(false);
      } finally {
        withToken.destroy();
      }
    } finally {
      stream.close();
      ownerOnB.destroy();
      partnerOnB.destroy();
    }
  });
});
