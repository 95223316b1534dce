import * as Y from "yjs";
import type { PendingUpdate, StoredDocument } from "../collab/index.ts";
import type { DocumentStore } from "./document-store.ts";
import type { LiveUnit, StoredRange } from "./live-unit.ts";

/** Loads documents from, and appends their updates to, the PostgreSQL update log. */
export class UpdateLog implements LiveUnit {
  constructor(private readonly store: DocumentStore) {}

  loadDocument(documentName: string): Promise<StoredDocument & { lastSeq: number }> {
    return this.store.load(documentName);
  }

  async persistUpdates(batch: readonly PendingUpdate[]): Promise<StoredRange[]> {
    const ranges = await this.store.append(batch);
    return ranges.map((range) => ({
      ...range,
      update: Y.mergeUpdates(
        batch
          .filter((pending) => pending.documentName === range.documentId)
          .map((pending) => pending.update),
      ),
    }));
  }

  unloaded(documentName: string): void {
    this.store.forget(documentName);
  }
}
