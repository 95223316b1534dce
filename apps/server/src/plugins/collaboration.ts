import { randomUUID } from "node:crypto";
import websocket from "@fastify/websocket";
import { ZId } from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { WebSocket } from "ws";
import { z } from "zod";
import {
  bindWebSocket,
  type CollabBus,
  CollabServer,
  collabWebSocketServerOptions,
} from "../collab/index.ts";
import { AppError } from "../errors.ts";
import { DomainEventRelay } from "../events/event-relay.ts";
import { AccessConfirmation, readAccessVersion } from "../live/access-confirmation.ts";
import { AccessWatch } from "../live/access-watch.ts";
import { ActionProjection } from "../live/action-projection.ts";
import {
  COLLAB_ROUTE,
  type CollabPrincipal,
  MEETING_COLLAB_ROUTE,
  SocketAuthentication,
} from "../live/authorize-collab.ts";
import { CollabTokens } from "../live/collab-token.ts";
import { Compaction } from "../live/compaction.ts";
import { meetingDocumentName } from "../live/document-names.ts";
import { DocumentStore } from "../live/document-store.ts";
import { LiveFeed } from "../live/live-feed.ts";
import {
  checkLiveUnits,
  composeLiveHooks,
  deliverDomainEvent,
  type LiveUnit,
} from "../live/live-unit.ts";
import { NoteMentionNotices } from "../live/note-mention-notices.ts";
import { SequenceWatch } from "../live/sequence-watch.ts";
import { UpdateLog } from "../live/update-log.ts";

declare module "fastify" {
  interface FastifyInstance {
    collab: CollabServer;
    collabTokens: CollabTokens;
    documentStore: DocumentStore;
    actionProjection: ActionProjection;
    noteMentionNotices: NoteMentionNotices;
    documentSequences: SequenceWatch;
    liveFeed: LiveFeed;
    /** The fan-out to other nodes; null when this process serves alone. */
    collabBus: CollabBus | null;
  }
}

export interface CollaborationOptions {
  /** Fan-out to other server nodes; unset serves this process only. */
  bus?: CollabBus;
}

function isForeignOrigin(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Serves each conference document over the y-websocket protocol at
 * /api/collab/:conferenceId. The collaboration core knows nothing of the app;
 * each concern of the app (who may connect, storage, compaction, catching up
 * between nodes, access after connect, actions, the live feed, the event relay)
 * is one unit in the list below, implementing the hooks it serves.
 */
export const collaborationPlugin = fp<CollaborationOptions>(
  async (app, options) => {
    const warn = (context: string) => (error: unknown) => app.log.warn({ err: error }, context);
    const units: LiveUnit[] = [];
    // The core is built first and reads the list whenever a hook runs, so units may need it.
    const collab = new CollabServer({
      bus: options.bus,
      logger: app.log,
      idleUnloadMs: app.config.COLLAB_IDLE_UNLOAD_MS,
      limits: {
        maxMessageBytes: app.config.COLLAB_MAX_MESSAGE_BYTES,
        maxDocumentBytes: app.config.COLLAB_MAX_DOCUMENT_BYTES,
      },
      hooks: composeLiveHooks(units),
      observer: app.metrics.collabObserver,
    });
    const store = new DocumentStore(app.db);
    const tokens = new CollabTokens(
      app.identityCipher.deriveKey("collab-token"),
      app.config.COLLAB_TOKEN_SECONDS * 1_000,
    );
    const sequences = new SequenceWatch({
      node: randomUUID(),
      store,
      collab,
      bus: options.bus,
      onError: warn("document sequence watch failed"),
    });
    const projection = new ActionProjection({
      db: app.db,
      collab,
      events: app.events,
      onError: (error, context) => app.log.error({ err: error }, context),
    });
    const noteMentions = new NoteMentionNotices({
      db: app.db,
      events: app.events,
      onError: (error) => app.log.error({ err: error }, "telling people mentioned in the notes"),
    });
    const feed = new LiveFeed(app.db, warn("live feed failed"));
    const accessWatch = new AccessWatch(app.db, collab, (error) =>
      app.log.error({ err: error }, "re-checking conference access failed"),
    );
    units.push(
      new SocketAuthentication(app.db, tokens),
      new UpdateLog(store),
      new Compaction(store, (error, documentId) =>
        app.log.warn({ err: error, documentId }, "compaction failed"),
      ),
      sequences,
      accessWatch,
      new AccessConfirmation({
        readVersion: () => readAccessVersion(app.db),
        checkEveryMs: app.config.ACCESS_CHECK_MS,
        confirmedForMs: app.config.ACCESS_CONFIRMED_FOR_MS,
        recheck: async () => {
          await Promise.all([accessWatch.recheckAll(), feed.recheckAll()]);
        },
        onError: warn("reading the access version failed"),
      }),
      projection,
      noteMentions,
      feed,
      // With several nodes, revocations and changes made on one node reach sockets on all.
      ...(options.bus
        ? [new DomainEventRelay(app.events, options.bus, warn("domain event relay failed"))]
        : []),
    );
    checkLiveUnits(units);
    for (const unit of units) await unit.start?.();
    const unsubscribe = app.events.subscribe((event, origin) =>
      deliverDomainEvent(units, event, origin),
    );

    app.decorate("collab", collab);
    app.decorate("collabBus", options.bus ?? null);
    app.decorate("collabTokens", tokens);
    app.decorate("documentStore", store);
    app.decorate("actionProjection", projection);
    app.decorate("noteMentionNotices", noteMentions);
    app.decorate("documentSequences", sequences);
    app.decorate("liveFeed", feed);

    await app.register(websocket, {
      options: collabWebSocketServerOptions(collab),
      // Flush what is not yet durable before the sockets go, then close them as "going away".
      preClose: async () => {
        unsubscribe();
        for (const unit of units) await unit.beforeClose?.();
        await collab.destroy({ timeoutMs: 10_000 });
        for (const unit of [...units].reverse()) await unit.stop?.();
      },
    });
    // Cross-site websocket hijacking: a page of another site opening the room with the
    // cookie the browser attaches. Browsers always send Origin; token clients need none.
    const sameSiteOnly = async (request: FastifyRequest) => {
      if (isForeignOrigin(request.headers.origin, request.host)) {
        throw new AppError(403, "csrf_failed", "The live document opens from this site only");
      }
    };
    const bind = (socket: WebSocket, request: FastifyRequest, documentName: string) => {
      const principal: CollabPrincipal = {
        actor: request.session?.actor ?? null,
        sessionTokenHash: request.session?.tokenHash ?? null,
        sessionExpired: request.sessionExpired,
      };
      const query = request.query as { token?: unknown };
      bindWebSocket(collab, socket, {
        documentName,
        context: {
          principal,
          token: typeof query.token === "string" ? query.token : undefined,
          remoteAddress: request.ip,
        },
      });
    };
    app.get<{ Params: { conferenceId: string }; Querystring: { token?: string } }>(
      COLLAB_ROUTE,
      {
        websocket: true,
        // A document name that cannot be a conference is refused before the upgrade.
        schema: { hide: true, params: z.object({ conferenceId: ZId }) },
        preValidation: sameSiteOnly,
      },
      (socket, request) => bind(socket, request, request.params.conferenceId),
    );
    // A working group's meeting: the same core, a document of its own kind (no case in it).
    app.get<{ Params: { meetingId: string } }>(
      MEETING_COLLAB_ROUTE,
      {
        websocket: true,
        schema: { hide: true, params: z.object({ meetingId: ZId }) },
        preValidation: sameSiteOnly,
      },
      (socket, request) => bind(socket, request, meetingDocumentName(request.params.meetingId)),
    );
  },
  {
    name: "collaboration",
    dependencies: ["database", "config", "authentication", "domain-events", "metrics"],
  },
);
