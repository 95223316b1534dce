import type { DomainEvent } from "../src/events/domain-events.ts";
import type { TestContext } from "./test-app.ts";

/** Collects what the app publishes from now on (of one kind, if given) until `stop`. */
export function recordEvents<K extends DomainEvent["kind"] = DomainEvent["kind"]>(
  ctx: TestContext,
  filter: { kind?: K; caseId?: string } = {},
) {
  const events: Extract<DomainEvent, { kind: K }>[] = [];
  const stop = ctx.app.events.subscribe((event) => {
    if (filter.kind !== undefined && event.kind !== filter.kind) return;
    if (filter.caseId !== undefined && !("caseId" in event && event.caseId === filter.caseId)) {
      return;
    }
    events.push(event as Extract<DomainEvent, { kind: K }>);
  });
  return { events, stop };
}
