/**
 * Default limits. The server may be configured differently; clients use these
 * only to warn early (e.g. before pasting a huge text).
 */
export const DEFAULT_COLLAB_LIMITS = {
  /** One WebSocket frame; larger frames are refused before they are buffered. */
  maxMessageBytes: 1024 * 1024,
  /** Encoded Yjs state of one conference document. */
  maxDocumentBytes: 10 * 1024 * 1024,
} as const;
