export { colorForUser } from "./awareness-codec.ts";
export { type CollabBus, documentChannel, InProcessBus } from "./bus.ts";
export {
  CollabServer,
  type ConnectionHandle,
  type ConnectionPredicate,
  DEFAULT_LIMITS,
} from "./collab-server.ts";
export type { ServerActor } from "./origins.ts";
export { RedisBus } from "./redis-bus.ts";
export {
  type ChangeEvent,
  type CollabAuthContext,
  CollabDeniedError,
  type CollabHooks,
  type CollabIdentity,
  type CollabLimits,
  type CollabLogger,
  type CollabObserver,
  type CollabServerOptions,
  type CollabTransport,
  type ConnectionInfo,
  type PendingUpdate,
  type StoredDocument,
  type UnloadEvent,
  type UpdateSource,
} from "./types.ts";
export { type BindOptions, bindWebSocket, collabWebSocketServerOptions } from "./ws-adapter.ts";
