import type { DocumentStore } from "./document-store.ts";
import type { LiveUnit, StoredRange } from "./live-unit.ts";

/**
 * Folds a document's update log into a snapshot once its tail is long, off the
 * write path: appends never wait for it, and one document folds at a time.
 */
export class Compaction implements LiveUnit {
  private readonly running = new Set<string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly onError: (error: unknown, documentId: string) => void,
  ) {}

  stored(ranges: readonly StoredRange[]): void {
    for (const range of ranges) this.compactLater(range.documentId);
  }

  private compactLater(documentId: string): void {
    if (this.running.has(documentId)) return;
    this.running.add(documentId);
    this.store
      .needsCompaction(documentId)
      .then((needed) => (needed ? this.store.compact(documentId) : undefined))
      .catch((error: unknown) => this.onError(error, documentId))
      .finally(() => this.running.delete(documentId));
  }
}
