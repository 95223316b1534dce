import { CloseCode } from "@runder-tisch/collab-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { buildMember, factories } from "../../test/builders.ts";
import { type DocumentClient, listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import {
  awarenessFrame,
  benignFrame,
  closingFrame,
  type FuzzContext,
  type FuzzFrame,
  foreignUpdates,
  generateFrame,
} from "../../test/crash/fuzz-frames.ts";
import { createRandom, randomInt } from "../../test/crash/random.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";

/*
 * The full app on a real port, attacked with a few thousand bad frames over
 * many sockets (signed in and not) while two stock clients keep editing. The
 * core has its own fuzz test (collab-fuzz.test.ts); this one adds what only
 * the app has: cookie and token authentication, the policy checks, the ws
 * limits as registered by the plugin, and the database as the store.
 */

const SEED = 0x0f0220;
/** The server's frame limit, small so that oversized frames are cheap to send. */
const MAX_MESSAGE_BYTES = 64 * 1024;
const GARBAGE_CONNECTIONS = 360;
const FLOOD_CONNECTIONS = 6;
/** Sockets open at once: enough to overlap authentication, loading and garbage. */
const PARALLEL = 16;
/** A document name that cannot be a conference is answered with HTTP 400 instead of an upgrade. */
const REFUSED_BEFORE_UPGRADE = 400;
const KNOWN_CLOSE_CODES = new Set<number>([...Object.values(CloseCode), REFUSED_BEFORE_UPGRADE]);

let ctx: TestContext;
let base: string;
let httpBase: string;
beforeAll(async () => {
  ctx = await createTestApp({
    COLLAB_IDLE_UNLOAD_MS: "50",
    COLLAB_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
  });
  base = await listenOnLoopback(ctx.app);
  httpBase = base.replace(/^ws/, "http").replace(/\/api\/collab$/, "");
}, 60_000);
afterAll(() => ctx?.close());

type Auth =
  | { kind: "cookie"; cookie: string }
  | { kind: "token"; token: string }
  | { kind: "anonymous" };

interface BadConnection {
  label: string;
  documentId: string;
  auth: Auth;
  frames: FuzzFrame[];
  /** Send only after the server's first frame (ready), or right away (queued before ready). */
  waitReady: boolean;
  expected: Set<number>;
}

interface Outcome {
  connection: BadConnection;
  code: number | null;
}

/** Opens one socket, fires its frames, and resolves with the close code the server chose. */
function runConnection(connection: BadConnection): Promise<Outcome> {
  const auth = connection.auth;
  const query = auth.kind === "token" ? `?token=${encodeURIComponent(auth.token)}` : "";
  const socket = new WebSocket(`${base}/${encodeURIComponent(connection.documentId)}${query}`, {
    headers: auth.kind === "cookie" ? { cookie: auth.cookie } : {},
    perMessageDeflate: false,
  });
  return new Promise((resolve) => {
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      for (const frame of connection.frames) {
        if (socket.readyState !== WebSocket.OPEN) return;
        socket.send(frame.data, { binary: typeof frame.data !== "string" });
      }
    };
    // A connection the server leaves open is a finding, not a hang.
    const timer = setTimeout(() => {
      socket.terminate();
      resolve({ connection, code: null });
    }, 8_000);
    socket.on("error", () => {
      // The server may close while frames are still being written; "close" reports the code.
    });
    socket.on("unexpected-response", (_request, response) => {
      clearTimeout(timer);
      resolve({ connection, code: response.statusCode ?? 0 });
      response.destroy();
    });
    socket.on("open", () => {
      if (!connection.waitReady) send();
    });
    socket.on("message", () => {
      if (connection.waitReady) send();
    });
    socket.on("close", (code) => {
      clearTimeout(timer);
      resolve({ connection, code });
    });
  });
}

async function runAll(connections: BadConnection[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < connections.length) {
        const connection = connections[next++];
        if (connection !== undefined) outcomes.push(await runConnection(connection));
      }
    }),
  );
  return outcomes;
}

/** A well-formed uuid nobody uses, from the seeded generator so runs repeat exactly. */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => randomInt(random, 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

async function health(): Promise<number> {
  const response = await fetch(`${httpBase}/api/health`);
  return response.status;
}

describe("socket fuzzing against the full app", () => {
  it("closes every bad socket with a protocol code while good clients keep editing", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);

    const owner = await buildMember(ctx);
    const partner = await buildMember(ctx);
    const outsider = await buildMember(ctx);
    const caseRow = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: outsider.agency.id,
      recordedBy: owner.user.id,
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: partner.agency.id, role: "editor" },
    ]);
    // Owned by the same agency, so a frame aimed at it would be accepted if it got through.
    const otherConference = await factories.createConference(ctx.db, { caseId: caseRow.id }, []);
    const issued = await partner.session.post(`/api/conferences/${conference.id}/collab-token`);
    const partnerToken = issued.json<{ token: string }>().token;
    // Valid for the other conference only: a token is bound to one document.
    const otherToken = (
      await owner.session.post(`/api/conferences/${otherConference.id}/collab-token`)
    ).json<{ token: string }>().token;

    // Frames from one generator, edits from another: the editors run
    // concurrently, and must not shift which frames the seed produces.
    const random = createRandom(SEED);
    const editRandom = createRandom(SEED + 1);
    const fuzz: FuzzContext = {
      foreignUpdates: foreignUpdates(60),
      otherDocumentId: otherConference.id,
      maxMessageBytes: MAX_MESSAGE_BYTES,
    };

    const a = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const b = openDocument(base, conference.id, { token: partnerToken });
    const good: DocumentClient[] = [a, b];
    const open = new Set<DocumentClient>(good);
    const destroyAll = () => {
      for (const client of open) client.destroy();
      open.clear();
    };
    const written: string[] = [];
    let editing = true;
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "good clients synced", 10_000);
      const editors = good.map(async (client, who) => {
        const text = client.doc.getText("probe");
        for (let i = 0; editing; i++) {
          const piece = `[${who === 0 ? "a" : "b"}${i}]`;
          text.insert(randomInt(editRandom, 2) === 0 ? 0 : text.length, piece);
          written.push(piece);
          await new Promise((resolve) => setTimeout(resolve, 3 + randomInt(editRandom, 5)));
        }
      });

      const connections: BadConnection[] = [];
      const signedIn = [owner.session.cookie, partner.session.cookie];
      for (let n = 0; n < GARBAGE_CONNECTIONS; n++) {
        // Every eighth: harmless frames only, so the closing frame (text,
        // oversized, trailing bytes, ...) decides instead of the first garbage.
        const harmless = randomInt(random, 8) === 0;
        const frames = Array.from({ length: 4 + randomInt(random, 8) }, () =>
          harmless ? benignFrame(random) : generateFrame(random, fuzz),
        );
        frames.push(closingFrame(random, fuzz));
        const variant = randomInt(random, 10);
        let auth: Auth;
        let documentId = conference.id;
        let baseCode: number;
        if (variant < 5) {
          auth = { kind: "cookie", cookie: signedIn[variant % 2] ?? "" };
          baseCode = CloseCode.MALFORMED_MESSAGE;
        } else if (variant === 5) {
          auth = { kind: "anonymous" };
          baseCode = CloseCode.UNAUTHORISED;
        } else if (variant === 6) {
          auth =
            randomInt(random, 2) === 0
              ? { kind: "cookie", cookie: "rt_session=forged-session-value" }
              : { kind: "token", token: otherToken };
          baseCode = CloseCode.UNAUTHORISED;
        } else if (variant === 7) {
          auth = { kind: "cookie", cookie: outsider.session.cookie };
          baseCode = CloseCode.FORBIDDEN;
        } else if (variant === 8) {
          // The document id itself is garbage: not a uuid, or nobody's conference.
          auth = { kind: "cookie", cookie: partner.session.cookie };
          const garbage = randomInt(random, 2) === 0;
          documentId = garbage ? "../../etc/passwd" : seededUuid(random);
          baseCode = garbage ? REFUSED_BEFORE_UPGRADE : CloseCode.FORBIDDEN;
        } else {
          // Signed in, but for the other conference, where the partner is not invited.
          auth = { kind: "cookie", cookie: partner.session.cookie };
          documentId = otherConference.id;
          baseCode = CloseCode.FORBIDDEN;
        }
        const waitReady = baseCode === CloseCode.MALFORMED_MESSAGE && randomInt(random, 2) === 0;
        const expected = new Set<number>([baseCode]);
        // The ws adapter refuses these itself, whether or not authentication has finished.
        if (baseCode !== REFUSED_BEFORE_UPGRADE) {
          if (frames.some((f) => typeof f.data === "string"))
            expected.add(CloseCode.MALFORMED_MESSAGE);
          if (frames.some((f) => f.kind === "oversized")) expected.add(CloseCode.MESSAGE_TOO_LARGE);
        }
        connections.push({ label: `#${n}`, documentId, auth, frames, waitReady, expected });
      }
      for (let n = 0; n < FLOOD_CONNECTIONS; n++) {
        // Over the hard limit (bursts of 300): must end in RATE_LIMITED, not a slow server.
        const clientId = 1_000_000 + n;
        const frames = Array.from({ length: 400 }, (_, clock) => ({
          kind: "awareness flood",
          data: awarenessFrame(clientId, clock + 1, { cursor: { anchor: clock } }),
        }));
        connections.splice(randomInt(random, connections.length), 0, {
          label: `flood #${n}`,
          documentId: conference.id,
          auth: { kind: "cookie", cookie: signedIn[n % 2] ?? "" },
          frames,
          waitReady: true,
          expected: new Set([CloseCode.RATE_LIMITED]),
        });
      }
      const framesSent = connections.reduce((sum, c) => sum + c.frames.length, 0);
      expect(framesSent).toBeGreaterThan(3_000 + FLOOD_CONNECTIONS * 400);

      const half = Math.floor(connections.length / 2);
      const outcomes = await runAll(connections.slice(0, half));
      expect(await health()).toBe(200);
      outcomes.push(...(await runAll(connections.slice(half))));
      editing = false;
      await Promise.all(editors);

      const wrong = outcomes
        .filter(({ connection, code }) => code === null || !connection.expected.has(code))
        .map(({ connection, code }) => ({
          label: connection.label,
          code,
          expected: [...connection.expected],
          kinds: connection.frames.map((f) => f.kind),
        }));
      expect(wrong).toEqual([]);
      expect(outcomes.every(({ code }) => code !== null && KNOWN_CLOSE_CODES.has(code))).toBe(true);
      expect(await health()).toBe(200);

      // Good clients: never cut off, converged, every piece exactly once, nothing else.
      await waitUntil(() => a.notes() === b.notes(), "good clients converge", 10_000);
      expect(a.closes).toEqual([]);
      expect(b.closes).toEqual([]);
      const text = a.notes();
      const pieces = text.match(/\[[ab]\d+\]/g) ?? [];
      expect(pieces.join("")).toBe(text);
      expect([...pieces].sort()).toEqual([...written].sort());

      // Whatever the fuzzers left in the live document must not break a newcomer's sync.
      const late = openDocument(base, conference.id, { cookie: partner.session.cookie });
      open.add(late);
      await waitUntil(() => late.provider.synced, "late joiner synced", 10_000);
      expect(late.notes()).toBe(text);

      // And what reached the database is exactly that: the same text, and
      // every change the good clients integrated (state vectors leave out
      // anything still waiting for missing dependencies, which is not stored).
      await ctx.app.collab.flush();
      const clientState = Y.decodeStateVector(Y.encodeStateVector(a.doc));
      destroyAll();
      await waitUntil(() => !ctx.app.collab.isLoaded(conference.id), "document unloaded", 10_000);
      const stored = await ctx.app.documentStore.load(conference.id);
      const persisted = new Y.Doc();
      if (stored.snapshot !== null) Y.applyUpdate(persisted, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(persisted, update);
      expect(persisted.getText("probe").toString()).toBe(text);
      expect(Y.decodeStateVector(Y.encodeStateVector(persisted))).toEqual(clientState);
      // The other conference never saw a byte of the frames that named it.
      const other = await ctx.app.documentStore.load(otherConference.id);
      expect(other.snapshot).toBeNull();
      expect(other.updates).toEqual([]);

      expect(unhandled).toEqual([]);
      const codes: Record<number, number> = {};
      for (const { code } of outcomes) codes[code ?? 0] = (codes[code ?? 0] ?? 0) + 1;
      console.info(
        `socket-fuzz: ${framesSent} frames over ${outcomes.length} sockets, close codes ${JSON.stringify(codes)}, ` +
          `${pieces.length} good edits, stored roots ${JSON.stringify([...persisted.share.keys()])}`,
      );
    } finally {
      editing = false;
      destroyAll();
      process.off("unhandledRejection", onUnhandled);
    }
  }, 30_000);
});
