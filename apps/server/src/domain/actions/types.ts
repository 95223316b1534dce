import type { ActionDomainEvent } from "./action-event.ts";
import type { ActionRow } from "./find-action.ts";

/** Who writes: enough to attribute a change, from a request or a websocket connection alike. */
export interface ActionActor {
  userId: string;
  agencyId: string;
}

/** Field name (as in the API) to old and new value, as stored in `action_events.changes`. */
export type ActionChanges = Record<string, { from: unknown; to: unknown }>;

export interface ActionWriteResult {
  action: ActionRow;
  changes: ActionChanges;
  /** Null when nothing changed; otherwise publish it once the transaction committed. */
  event: ActionDomainEvent | null;
}
