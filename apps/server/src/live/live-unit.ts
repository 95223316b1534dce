import type {
  ChangeEvent,
  CollabAuthContext,
  CollabHooks,
  CollabIdentity,
  ConnectionInfo,
  PendingUpdate,
  StoredDocument,
} from "../collab/index.ts";
import type { DomainEvent, EventOrigin } from "../events/domain-events.ts";

/** Who is behind a connection, and the case its conference belongs to (null: not a case's document). */
export interface LiveIdentity extends CollabIdentity {
  caseId: string | null;
}

/** Stored updates of one document, numbered as in the update log, merged into one update. */
export interface StoredRange {
  documentId: string;
  fromSeq: number;
  toSeq: number;
  update: Uint8Array;
}

/**
 * One concern of the live conference documents (who may connect, where updates
 * are stored, what follows from a change ...). A unit implements only the hooks
 * it serves; the collaboration plugin wires the units in one list, and
 * `composeLiveHooks` turns the list into the collaboration core's hooks.
 */
export interface LiveUnit {
  /** Decides who is connecting; exactly one unit answers. */
  authenticate?(input: { documentName: string; context: CollabAuthContext }): Promise<LiveIdentity>;
  /** A connection was admitted. */
  connected?(documentName: string, identity: LiveIdentity): void;
  /** Reads a document from storage; exactly one unit answers. */
  loadDocument?(documentName: string): Promise<StoredDocument & { lastSeq: number }>;
  /** A document is in memory, up to `lastSeq` of the update log. */
  loaded?(documentName: string, lastSeq: number): void;
  /** Makes a batch durable and says which numbers it took; exactly one unit answers. */
  persistUpdates?(batch: readonly PendingUpdate[]): Promise<StoredRange[]>;
  /** A batch is durable. */
  stored?(ranges: readonly StoredRange[]): void;
  /** An update was applied in memory (before it is durable). */
  changed?(event: ChangeEvent): void;
  /** A document left memory. */
  unloaded?(documentName: string): void;
  /** May this editor's update be applied now? Every unit that answers must say yes. */
  mayApplyUpdates?(info: ConnectionInfo): boolean;
  /** After a no from `mayApplyUpdates`: could the unit vouch afresh (see CollabHooks)? */
  confirmUpdates?(info: ConnectionInfo): Promise<boolean>;
  /** Something happened to case data, here or (origin "remote") on another node. */
  domainEvent?(event: DomainEvent, origin: EventOrigin): void;
  /** Called once before the server takes connections, in list order. */
  start?(): Promise<void>;
  /** On shutdown, while documents are still open: finish writing into them. */
  beforeClose?(): Promise<void>;
  /** On shutdown in reverse list order, after the documents were flushed and closed. */
  stop?(): Promise<void>;
}

const SINGLE_HOOKS = ["authenticate", "loadDocument", "persistUpdates"] as const;

function theOne<K extends (typeof SINGLE_HOOKS)[number]>(units: readonly LiveUnit[], hook: K) {
  const found = units.filter((unit) => unit[hook] !== undefined);
  if (found.length !== 1) throw new Error(`exactly one live unit must implement ${hook}`);
  return found[0] as Required<Pick<LiveUnit, K>>;
}

/** Fails at start-up, not at the first connection, when the list is wired wrongly. */
export function checkLiveUnits(units: readonly LiveUnit[]): void {
  for (const hook of SINGLE_HOOKS) theOne(units, hook);
}

/**
 * The collaboration core's hooks, served by the units. The list is read when a
 * hook runs, so it may be filled after the core is built (units that need the
 * core get it in their constructor).
 */
export function composeLiveHooks(units: readonly LiveUnit[]): CollabHooks {
  const each = <K extends keyof LiveUnit>(hook: K) =>
    units.filter((unit) => unit[hook] !== undefined) as Required<Pick<LiveUnit, K>>[];
  return {
    authenticate: async (input) => {
      const identity = await theOne(units, "authenticate").authenticate(input);
      for (const unit of each("connected")) unit.connected(input.documentName, identity);
      return identity;
    },
    loadDocument: async (documentName) => {
      const stored = await theOne(units, "loadDocument").loadDocument(documentName);
      for (const unit of each("loaded")) unit.loaded(documentName, stored.lastSeq);
      return stored;
    },
    persistUpdates: async (batch) => {
      const ranges = await theOne(units, "persistUpdates").persistUpdates(batch);
      for (const unit of each("stored")) unit.stored(ranges);
    },
    onChange: (event) => {
      for (const unit of each("changed")) unit.changed(event);
    },
    onUnload: ({ documentName }) => {
      for (const unit of each("unloaded")) unit.unloaded(documentName);
    },
    mayApplyUpdates: (info) => each("mayApplyUpdates").every((unit) => unit.mayApplyUpdates(info)),
    // Each unit that said no asks afresh; one that cannot ask again keeps its no.
    confirmUpdates: async (info) => {
      const answers = units.map(
        (unit) => (unit.mayApplyUpdates?.(info) ?? true) || (unit.confirmUpdates?.(info) ?? false),
      );
      return (await Promise.all(answers)).every(Boolean);
    },
  };
}

/** Hands a domain event to every unit that listens for them. */
export function deliverDomainEvent(
  units: readonly LiveUnit[],
  event: DomainEvent,
  origin: EventOrigin,
): void {
  for (const unit of units) unit.domainEvent?.(event, origin);
}
