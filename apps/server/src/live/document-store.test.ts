import { randomUUID } from "node:crypto";
import { schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestApp } from "../../test/test-app.ts";
import { DocumentStore } from "./document-store.ts";

const ctx = useTestApp();

/** A client doc whose every edit becomes one update, as a browser would send them. */
function typist() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("notes");
  return { doc, updates, type: (chars: string) => text.insert(text.length, chars) };
}

function restore(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText("notes").toString();
}

const pending = (documentName: string, update: Uint8Array, userId = "system") => ({
  documentName,
  update,
  userId,
  agencyId: null,
  at: new Date(),
});

describe("document store", () => {
  it("numbers appends per document and loads them back in order", async () => {
    const store = new DocumentStore(ctx.db);
    const first = randomUUID();
    const second = randomUUID();
    const a = typist();
    const b = typist();
    for (const chars of ["Herr ", "K. ", "kommt"]) a.type(chars);
    b.type("anderes Dokument");
    const ranges = await store.append([
      ...a.updates.map((u) => pending(first, u)),
      ...b.updates.map((u) => pending(second, u)),
    ]);
    expect(ranges).toContainEqual({ documentId: first, fromSeq: 1, toSeq: 3 });
    expect(ranges).toContainEqual({ documentId: second, fromSeq: 1, toSeq: 1 });
    const next = typist();
    Y.applyUpdate(next.doc, Y.encodeStateAsUpdate(a.doc));
    next.updates.length = 0;
    next.type(" morgen");
    const [again] = await store.append(next.updates.map((u) => pending(first, u)));
    expect(again).toEqual({ documentId: first, fromSeq: 4, toSeq: 4 });

    const loaded = await store.load(first);
    expect(loaded.lastSeq).toBe(4);
    expect(restore(loaded)).toBe("Herr K. kommt morgen");
  });

  it("compacts into a snapshot, keeps attribution rows and loads the same text", async () => {
    const store = new DocumentStore(ctx.db, { maxTailUpdates: 10, maxTailBytes: 1 << 20 });
    const documentId = randomUUID();
    const author = typist();
    for (let i = 0; i < 25; i += 1) author.type(`${i};`);
    await store.append(author.updates.map((u) => pending(documentId, u)));
    expect(await store.needsCompaction(documentId)).toBe(true);

    expect(await store.compact(documentId)).toBe(25);
    expect(await store.needsCompaction(documentId)).toBe(false);
    const rows = await ctx.db
      .select()
      .from(schema.documentUpdates)
      .where(eq(schema.documentUpdates.documentId, documentId));
    expect(rows).toHaveLength(25);
    expect(rows.every((row) => row.data === null && row.size > 0)).toBe(true);

    author.updates.length = 0;
    author.type("Ende");
    await store.append(author.updates.map((u) => pending(documentId, u)));
    const loaded = await store.load(documentId);
    expect(loaded.updates).toHaveLength(1);
    expect(loaded.lastSeq).toBe(26);
    expect(restore(loaded)).toBe(author.doc.getText("notes").toString());
  });

  it("reads what a node missed after a given sequence number", async () => {
    const store = new DocumentStore(ctx.db);
    const documentId = randomUUID();
    const author = typist();
    for (const chars of ["a", "b", "c"]) author.type(chars);
    await store.append(author.updates.map((u) => pending(documentId, u)));
    const missed = await store.readAfter(documentId, 1);
    expect(missed.map((row) => row.seq)).toEqual([2, 3]);
  });

  it("stores and loads large updates byte for byte", async () => {
    const store = new DocumentStore(ctx.db);
    const documentId = randomUUID();
    const large = new Uint8Array(900 * 1024).map((_, index) => (index * 7919) % 256);
    // A view into a larger buffer, as the websocket layer hands frames over.
    const view = large.subarray(1001, 1001 + 4096);
    await store.append([pending(documentId, large), pending(documentId, view)]);

    const loaded = await store.load(documentId);

    expect(loaded.updates).toHaveLength(2);
    expect(Buffer.compare(loaded.updates[0] as Uint8Array, large)).toBe(0);
    expect(Buffer.compare(loaded.updates[1] as Uint8Array, view)).toBe(0);
  });

  it("lets the server answer other requests between the statements of a long run", async () => {
    // The embedded database answers inside the server process. If its answers never
    // let the event loop turn, every socket and request of the node waits for the whole run.
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);

    const statements = 20;
    for (let index = 0; index < statements; index += 1) {
      await ctx.db.execute(sql`select ${index}::int`);
    }
    await ctx.db.transaction(async (tx) => {
      for (let index = 0; index < statements; index += 1) await tx.execute(sql`select 1`);
    });
    counting = false;

    expect(turns).toBeGreaterThanOrEqual(2 * statements);
  });
});
