import { z } from "zod";
import { trimmedText, verbatimText, ZId, ZIsoDateTime } from "./common.ts";
import { ZUserRole } from "./enums.ts";
import { withReason } from "./problems.ts";
import { PASSWORD_MIN_LENGTH, TEXT_LIMITS } from "./vocabulary.ts";

export const ZPassword = verbatimText(PASSWORD_MIN_LENGTH, 1024);

export const ZUser = z.object({
  id: ZId,
  agencyId: ZId,
  email: z.string(),
  displayName: z.string(),
  role: ZUserRole,
  disabled: z.boolean(),
  lockedUntil: ZIsoDateTime.nullable(),
  createdAt: ZIsoDateTime,
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserListQuery = z.object({ agencyId: ZId.optional() });
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
export const ZUserListResponse = z.object({ users: z.array(ZUser) });
export type TUserListResponse = z.infer<typeof ZUserListResponse>;

export const ZCreateUserRequest = z.object({
  agencyId: ZId,
  email: z.string().trim().toLowerCase().email().max(254),
  displayName: trimmedText(TEXT_LIMITS.name),
  role: ZUserRole,
  password: ZPassword,
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({
    displayName: trimmedText(TEXT_LIMITS.name),
    role: ZUserRole,
    disabled: z.boolean(),
    password: ZPassword,
    unlock: z.literal(true),
  })
  .partial()
  .refine(
    (value) => Object.keys(value).length > 0,
    withReason("Nothing to change", "nothing_to_change"),
  );
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;
