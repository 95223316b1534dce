import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { CollabBus, CollabServer } from "../collab/index.ts";
import type { DocumentStore, WrittenRange } from "./document-store.ts";
import type { LiveUnit, StoredRange } from "./live-unit.ts";

const CHANNEL = "rt:document-sequence";

function encodeNotice(node: string, range: StoredRange): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, node);
  encoding.writeVarString(encoder, range.documentId);
  encoding.writeVarUint(encoder, range.fromSeq);
  encoding.writeVarUint(encoder, range.toSeq);
  encoding.writeVarUint8Array(encoder, range.update);
  return encoding.toUint8Array(encoder);
}

function decodeNotice(bytes: Uint8Array): { node: string; range: StoredRange } | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const node = decoding.readVarString(decoder);
    const documentId = decoding.readVarString(decoder);
    const fromSeq = decoding.readVarUint(decoder);
    const toSeq = decoding.readVarUint(decoder);
    const update = decoding.readVarUint8Array(decoder);
    return { node, range: { documentId, fromSeq, toSeq, update } };
  } catch {
    return null;
  }
}

/**
 * The update log in PostgreSQL is the source of truth between nodes. Besides the
 * immediate relay, each node sends what it stored with its sequence numbers; a
 * node that holds the document applies them in order, and when it sees a gap in
 * the numbers (a lost bus message, a dropped Redis link) it reads the missing
 * updates from the log and hands them to its clients.
 */
export class SequenceWatch implements LiveUnit {
  private readonly known = new Map<string, number>();
  private readonly catchingUp = new Map<string, Promise<void>>();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(
    private readonly deps: {
      node: string;
      store: DocumentStore;
      collab: CollabServer;
      bus?: CollabBus | undefined;
      onError: (error: unknown) => void;
    },
  ) {}

  async start(): Promise<void> {
    const bus = this.deps.bus;
    if (!bus) return;
    this.stopListening = await bus.subscribe(CHANNEL, (bytes) => {
      const notice = decodeNotice(bytes);
      if (notice && notice.node !== this.deps.node) this.receive(notice.range);
    });
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    await Promise.allSettled([...this.catchingUp.values()]);
  }

  loaded(documentId: string, lastSeq: number): void {
    this.known.set(documentId, lastSeq);
  }

  unloaded(documentId: string): void {
    this.known.delete(documentId);
  }

  /** This node stored these ranges: move on, and tell the other nodes. */
  stored(ranges: readonly StoredRange[]): void {
    for (const range of ranges) {
      this.advance(range);
      this.deps.bus?.publish(CHANNEL, encodeNotice(this.deps.node, range)).catch(this.deps.onError);
    }
  }

  /** The highest sequence number this node knows it has applied (for tests and diagnostics). */
  knownSeq(documentId: string): number | undefined {
    return this.known.get(documentId);
  }

  /** Another node stored a range: apply it if it follows on, otherwise fetch what is missing. */
  private receive(range: StoredRange): void {
    const known = this.known.get(range.documentId);
    if (known === undefined) return;
    if (range.fromSeq > known + 1) {
      this.catchUp(range.documentId);
      return;
    }
    if (range.toSeq <= known) return;
    if (this.deps.collab.applyStoredUpdates(range.documentId, [range.update])) {
      this.known.set(range.documentId, range.toSeq);
    }
  }

  /** This node's own writes follow on what it knows unless another node wrote in between. */
  private advance(range: WrittenRange): void {
    const known = this.known.get(range.documentId);
    if (known === undefined) return;
    if (range.fromSeq <= known + 1) {
      this.known.set(range.documentId, Math.max(known, range.toSeq));
      return;
    }
    this.catchUp(range.documentId);
  }

  private catchUp(documentId: string): void {
    if (this.catchingUp.has(documentId)) return;
    const work = (async () => {
      const known = this.known.get(documentId) ?? 0;
      const missing = await this.deps.store.readAfter(documentId, known);
      const last = missing.at(-1);
      if (missing.length > 0 && last) {
        // Rows folded into a snapshot meanwhile have no bytes left; the snapshot has them.
        const contiguous = missing[0]?.seq === known + 1;
        const stored = contiguous ? null : await this.deps.store.load(documentId);
        const updates = stored
          ? [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]
          : missing.map((row) => row.data);
        if (this.deps.collab.applyStoredUpdates(documentId, updates)) {
          this.known.set(documentId, Math.max(last.seq, stored?.lastSeq ?? 0));
        }
      }
    })()
      .catch(this.deps.onError)
      .finally(() => this.catchingUp.delete(documentId));
    this.catchingUp.set(documentId, work);
  }
}
