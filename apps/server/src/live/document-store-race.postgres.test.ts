import { randomUUID } from "node:crypto";
import { type Database, schema } from "@runder-tisch/db";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createFreshDatabase } from "../../test/crash/fresh-database.ts";
import { DocumentStore } from "./document-store.ts";

/*
 * Two nodes on one database: one loads a document while the other folds its
 * log into a snapshot, committing after the loader read the snapshot and
 * before it reads the tail. Both reads must come from one moment, or the loader
 * holds the old snapshot without the folded rows and every later edit waits
 * on the gap (and a compaction would store that gap for good).
 */
describe("loading a document while another node compacts it", () => {
  it("reads snapshot and tail from one moment, so nothing in between goes missing", async () => {
    const database = await createFreshDatabase();
    const loader = new pg.Pool({ connectionString: database.env.DATABASE_URL, max: 1 });
    const gate = holdTailRead(loader);
    const folder = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await folder.connect();
    try {
      const store = new DocumentStore(drizzle(loader, { schema }) as unknown as Database);
      const documentId = `conference:${randomUUID()}`;
      const author = new Y.Doc();
      const updates: Uint8Array[] = [];
      author.on("update", (update: Uint8Array) => updates.push(update));
      const text = author.getText("notes");
      const pending = (update: Uint8Array) => ({
        documentName: documentId,
        update,
        userId: "system",
        agencyId: null,
        at: new Date(),
      });

      for (const word of ["Termin ", "bei ", "der "]) text.insert(text.length, word);
      await store.append(updates.splice(0).map(pending));
      await store.compact(documentId);
      for (const word of ["ABH ", "am ", "Montag"]) text.insert(text.length, word);
      await store.append(updates.splice(0).map(pending));

      // The other node folds the log up to seq 6 right after the loader read the snapshot.
      gate.arm();
      const loading = store.load(documentId);
      await gate.reached;
      await folder.query("begin");
      await folder.query(
        "insert into document_snapshots (document_id, upto_seq, data) values ($1, 6, $2)",
        [documentId, Buffer.from(Y.encodeStateAsUpdate(author))],
      );
      await folder.query(
        "update document_updates set data = null where document_id = $1 and seq <= 6",
        [documentId],
      );
      await folder.query("delete from document_snapshots where document_id = $1 and upto_seq < 6", [
        documentId,
      ]);
      await folder.query("commit");
      gate.open();

      const loaded = await loading;
      const copy = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(copy, loaded.snapshot);
      for (const update of loaded.updates) Y.applyUpdate(copy, update);
      expect(copy.getText("notes").toString()).toBe("Termin bei der ABH am Montag");
      expect(copy.store.pendingStructs).toBeNull();
      expect(loaded.lastSeq).toBe(6);
    } finally {
      await folder.end();
      await loader.end();
      await database.drop();
    }
  });
});

/** Lets the next read of the update log through only once `open()` is called. */
function holdTailRead(pool: pg.Pool) {
  let armed = false;
  let open!: () => void;
  let reachedTail!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    reachedTail = resolve;
  });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const [config] = args;
      const text = typeof config === "string" ? config : (config as { text?: string })?.text;
      if (armed && text?.includes('from "document_updates"')) {
        armed = false;
        reachedTail();
        return opened.then(() => query(...args));
      }
      return query(...args);
    };
  });
  return {
    arm: () => {
      armed = true;
    },
    reached,
    open,
  };
}
