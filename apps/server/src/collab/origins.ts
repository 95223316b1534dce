/**
 * Transaction origins on the server's Y.Doc. The doc's "update" handler uses
 * them to decide what to relay, persist, publish and report.
 */
export interface ServerActor {
  userId: string;
  agencyId: string | null;
}

/** A change the server made itself (projection markers, imports). */
export class ServerOrigin {
  constructor(readonly actor: ServerActor) {}
}

/** Arrived through the bus from another instance, which persists it. */
export const BUS_ORIGIN = Symbol("collab-bus");
/** Replayed from storage while loading. */
export const LOAD_ORIGIN = Symbol("collab-load");
