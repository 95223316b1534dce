import { setImmediate as nextTurn } from "node:timers/promises";
import { PGlite, type PGliteOptions, type Transaction, types } from "@electric-sql/pglite";

/**
 * The embedded database's buffer pool lives in the server's own memory, which WebAssembly
 * never gives back, and PostgreSQL's default of 128 MB would fill up over a day. The data
 * directory is an ordinary folder, so the operating system's file cache still holds what
 * does not fit; one office's data is read from there as fast.
 */
const SHARED_BUFFERS = "16MB";

/**
 * The embedded database runs inside the server process. Two things about stock
 * PGlite would hold every other request of the node while a conference document
 * is stored, and both are changed here (and its buffer pool is smaller, see above):
 *
 * - Its bytea conversion builds one JavaScript string per byte, about a second per
 *   megabyte of document; Node's hex codec does the same in native code.
 * - Its answers resolve without the event loop ever turning, so a run of queries
 *   (store, compact, reload) blocks for its whole length. Each statement here
 *   first lets the loop turn, which bounds the wait to the longest single statement.
 */
export class EmbeddedClient extends PGlite {
  constructor(options: Pick<PGliteOptions, "dataDir" | "loadDataDir">) {
    super({
      ...options,
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`],
      serializers: { [types.BYTEA]: byteaToHex },
      parsers: { [types.BYTEA]: byteaFromHex },
    });
  }

  override async query<T>(...args: Parameters<PGlite["query"]>) {
    await nextTurn();
    return super.query<T>(...args);
  }

  override async exec(...args: Parameters<PGlite["exec"]>) {
    await nextTurn();
    return super.exec(...args);
  }

  override async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    await nextTurn();
    return super.transaction((tx) => callback(interleaving(tx)));
  }
}

function interleaving(tx: Transaction): Transaction {
  return Object.assign(Object.create(tx) as Transaction, {
    async query<T>(...args: Parameters<Transaction["query"]>) {
      await nextTurn();
      return tx.query<T>(...args);
    },
    async exec(...args: Parameters<Transaction["exec"]>) {
      await nextTurn();
      return tx.exec(...args);
    },
  });
}

function byteaToHex(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new TypeError("bytea expects a Uint8Array");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

function byteaFromHex(text: string): Uint8Array {
  return Buffer.from(text.slice(2), "hex");
}
