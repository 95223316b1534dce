import { setImmediate as nextTurn } from "node:timers/promises";
import { PGlite, type PGliteOptions, type Transaction, types } from "@electric-sql/pglite";

/**
 * The embedded database runs inside the server process. Two things about stock
 * PGlite would hold every other request of the node while a conference document
 * is stored, and both are changed here:
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
