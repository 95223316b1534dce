import { z } from "zod";
import { trimmedText, ZId, ZIsoDateTime } from "./common.ts";
import { ZAgencyKind } from "./enums.ts";
import { withReason } from "./problems.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

export const ZAgency = z.object({
  id: ZId,
  name: z.string(),
  kind: ZAgencyKind,
  active: z.boolean(),
  createdAt: ZIsoDateTime,
});
export type TAgency = z.infer<typeof ZAgency>;

export const ZAgencyListResponse = z.object({ agencies: z.array(ZAgency) });
export type TAgencyListResponse = z.infer<typeof ZAgencyListResponse>;

export const ZCreateAgencyRequest = z.object({
  name: trimmedText(TEXT_LIMITS.name),
  kind: ZAgencyKind,
});
export type TCreateAgencyRequest = z.infer<typeof ZCreateAgencyRequest>;

export const ZUpdateAgencyRequest = z
  .object({ name: trimmedText(TEXT_LIMITS.name), kind: ZAgencyKind, active: z.boolean() })
  .partial()
  .refine(
    (value) => Object.keys(value).length > 0,
    withReason("Nothing to change", "nothing_to_change"),
  );
export type TUpdateAgencyRequest = z.infer<typeof ZUpdateAgencyRequest>;

/** Names of an agency's active people, for picking a responsible person. */
export const ZAgencyPeopleResponse = z.object({
  people: z.array(z.object({ id: ZId, displayName: z.string() })),
});
export type TAgencyPeopleResponse = z.infer<typeof ZAgencyPeopleResponse>;
