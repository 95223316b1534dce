import { z } from "zod";
import { ZId } from "./common.ts";
import { ZAgencyKind, ZUserRole } from "./enums.ts";

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMeResponse = z.object({
  user: z.object({
    id: ZId,
    email: z.string(),
    displayName: z.string(),
    role: ZUserRole,
  }),
  agency: z.object({ id: ZId, name: z.string(), kind: ZAgencyKind }),
  /** Send back as `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;
