export { CloseCode, closeReason, isPermanentClose } from "./close-codes.ts";
export {
  decodeExtensionFrame,
  type ExtensionFrame,
  encodeAwarenessFrame,
  encodeRoleNotice,
  encodeSaved,
  encodeSubscribeExtensions,
  encodeSyncFrame,
  isDocumentUpdateFrame,
  readRolePayload,
  readSavedPayload,
} from "./frames.ts";
export { DEFAULT_COLLAB_LIMITS } from "./limits.ts";
export {
  type CollabRole,
  decodeRole,
  Extension,
  encodeRole,
  MessageType,
  RoleCode,
  SyncMessageType,
} from "./message-types.ts";
