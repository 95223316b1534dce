import { randomUUID } from "node:crypto";
import websocket from "@fastify/websocket";
import fp from "fastify-plugin";
import * as Y from "yjs";
import {
  bindWebSocket,
  type CollabBus,
  CollabServer,
  collabWebSocketServerOptions,
} from "../collab/index.ts";
import { relayDomainEvents } from "../events/event-relay.ts";
import { AccessWatch } from "../live/access-watch.ts";
import { ActionProjection } from "../live/action-projection.ts";
import { authorizeCollab, COLLAB_ROUTE } from "../live/authorize-collab.ts";
import { CollabTokens } from "../live/collab-token.ts";
import { DocumentStore } from "../live/document-store.ts";
import { SequenceWatch } from "../live/sequence-watch.ts";

declare module "fastify" {
  interface FastifyInstance {
    collab: CollabServer;
    collabTokens: CollabTokens;
    documentStore: DocumentStore;
    actionProjection: ActionProjection;
    documentSequences: SequenceWatch;
  }
}

export interface CollaborationOptions {
  /** Fan-out to other server nodes; unset serves this process only. */
  bus?: CollabBus;
}

/**
 * Serves each conference document over the y-websocket protocol at
 * /api/collab/:conferenceId, stores every update durably and keeps open
 * sockets within the access rule.
 */
export const collaborationPlugin = fp<CollaborationOptions>(
  async (app, options) => {
    const store = new DocumentStore(app.db);
    const tokens = new CollabTokens(
      app.identityCipher.deriveKey("collab-token"),
      app.config.COLLAB_TOKEN_SECONDS * 1_000,
    );
    const compacting = new Set<string>();
    const compactLater = (documentId: string) => {
      if (compacting.has(documentId)) return;
      compacting.add(documentId);
      store
        .needsCompaction(documentId)
        .then((needed) => (needed ? store.compact(documentId) : undefined))
        .catch((error: unknown) => app.log.warn({ err: error, documentId }, "compaction failed"))
        .finally(() => compacting.delete(documentId));
    };
    const sequences = new SequenceWatch({
      node: randomUUID(),
      store,
      collab: () => collab,
      bus: options.bus,
      onError: (error) => app.log.warn({ err: error }, "document sequence watch failed"),
    });
    await sequences.start();
    let watch: AccessWatch | undefined;
    let projection: ActionProjection | undefined;
    const collab = new CollabServer({
      bus: options.bus,
      logger: app.log,
      idleUnloadMs: app.config.COLLAB_IDLE_UNLOAD_MS,
      limits: {
        maxMessageBytes: app.config.COLLAB_MAX_MESSAGE_BYTES,
        maxDocumentBytes: app.config.COLLAB_MAX_DOCUMENT_BYTES,
      },
      hooks: {
        authenticate: async ({ documentName, context }) => {
          const identity = await authorizeCollab(
            {
              db: app.db,
              sessionPolicy: app.sessionPolicy,
              tokens,
              parseCookie: (header) => app.parseCookie(header),
            },
            documentName,
            context,
          );
          watch?.remember(documentName, identity.caseId);
          return identity;
        },
        loadDocument: async (documentName) => {
          const stored = await store.load(documentName);
          sequences.loaded(documentName, stored.lastSeq);
          return stored;
        },
        persistUpdates: async (batch) => {
          const ranges = await store.append(batch);
          sequences.stored(
            ranges.map((range) => ({
              ...range,
              update: Y.mergeUpdates(
                batch
                  .filter((pending) => pending.documentName === range.documentId)
                  .map((pending) => pending.update),
              ),
            })),
          );
          for (const range of ranges) compactLater(range.documentId);
        },
        onChange: (event) => projection?.documentChanged(event),
        onUnload: ({ documentName }) => {
          watch?.forget(documentName);
          store.forget(documentName);
          sequences.unloaded(documentName);
          projection?.documentUnloaded(documentName);
        },
      },
    });
    watch = new AccessWatch(app.db, collab, (error) =>
      app.log.error({ err: error }, "re-checking conference access failed"),
    );
    projection = new ActionProjection({
      db: app.db,
      collab,
      events: app.events,
      onError: (error, context) => app.log.error({ err: error }, context),
    });
    const unsubscribe = app.events.subscribe((event, origin) => {
      watch?.handle(event);
      // Only the node where a change happened writes it into the document; the bus carries it on.
      if (origin === "local") projection?.tableChanged(event);
    });
    // With several nodes, revocations and changes made on one node reach sockets on all.
    const stopRelay = options.bus
      ? await relayDomainEvents(app.events, options.bus, (error) =>
          app.log.warn({ err: error }, "domain event relay failed"),
        )
      : async () => {};

    app.decorate("collab", collab);
    app.decorate("collabTokens", tokens);
    app.decorate("documentStore", store);
    app.decorate("actionProjection", projection);
    app.decorate("documentSequences", sequences);

    await app.register(websocket, {
      options: collabWebSocketServerOptions(collab),
      // Flush what is not yet durable before the sockets go, then close them as "going away".
      preClose: async () => {
        unsubscribe();
        await stopRelay();
        await projection?.settle();
        await collab.destroy({ timeoutMs: 10_000 });
        await sequences.stop();
      },
    });
    app.get<{ Params: { conferenceId: string }; Querystring: { token?: string } }>(
      COLLAB_ROUTE,
      { websocket: true, schema: { hide: true } },
      (socket, request) => {
        bindWebSocket(collab, socket, {
          documentName: request.params.conferenceId,
          context: {
            cookieHeader: request.headers.cookie,
            token: typeof request.query.token === "string" ? request.query.token : undefined,
            remoteAddress: request.ip,
          },
        });
      },
    );
  },
  {
    name: "collaboration",
    dependencies: ["database", "config", "authentication", "domain-events"],
  },
);
