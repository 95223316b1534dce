import { z } from "zod";
import { ZIsoDateTime } from "./common.ts";
import { ZParticipantRole } from "./enums.ts";

export const ZCollabTokenResponse = z.object({
  /** Pass as `?token=` when opening the websocket; valid for one conference, briefly. */
  token: z.string(),
  expiresAt: ZIsoDateTime,
  role: ZParticipantRole,
  /** Path of the websocket with the token, relative to the server's address. */
  path: z.string(),
});
export type TCollabTokenResponse = z.infer<typeof ZCollabTokenResponse>;
