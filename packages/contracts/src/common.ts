import { z } from "zod";

export const ZId = z.uuid();
export const ZIdParams = z.object({ id: ZId });
export type TIdParams = z.infer<typeof ZIdParams>;

/** A calendar day, e.g. a due date or a consent's expiry: `2026-12-31`. */
export const ZIsoDate = z.iso.date();
/** An instant with offset, as JSON carries it: `2026-11-21T10:00:00.000Z`. */
export const ZIsoDateTime = z.iso.datetime({ offset: true });

export const ZCaseCode = z.string().regex(/^RT-\d{4}-\d{4,}$/);

export const ZAgencyRef = z.object({ id: ZId, name: z.string() });
export type TAgencyRef = z.infer<typeof ZAgencyRef>;
export const ZUserRef = z.object({ id: ZId, displayName: z.string() });
export type TUserRef = z.infer<typeof ZUserRef>;

export const ZOkResponse = z.object({ ok: z.literal(true) });

/** Query-string booleans arrive as text. */
export const ZQueryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

export const trimmedText = (max: number) => z.string().trim().min(1).max(max);
