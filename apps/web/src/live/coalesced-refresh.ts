import type { QueryKey } from "@tanstack/react-query";

/** The longest a page waits for news, and the shortest time between two refreshes. */
export const REFRESH_WINDOW_MS = 1_000;

/**
 * Gathers the queries live events make stale and refreshes them at most once per
 * window: the first event after a quiet spell at once, everything that arrives within
 * the window after it together at its end. A burst of changes (a conference deciding
 * twenty actions) costs each open page one refetch per query, not one per event.
 */
export class CoalescedRefresh {
  private readonly pending = new Map<string, QueryKey>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly refresh: (key: QueryKey) => void,
    private readonly windowMs = REFRESH_WINDOW_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  add(keys: readonly QueryKey[]): void {
    for (const key of keys) this.pending.set(JSON.stringify(key), key);
    if (this.timer !== null) return;
    const wait = this.lastFlushAt + this.windowMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = null;
    this.lastFlushAt = this.now();
    const keys = [...this.pending.values()];
    this.pending.clear();
    for (const key of keys) this.refresh(key);
  }
}
