import { z } from "zod";
import { MAIL_DELIVERIES, NOTIFICATION_KINDS } from "./vocabulary.ts";

const kindOfNotification = z.enum(NOTIFICATION_KINDS);
export const ZMailDelivery = z.enum(MAIL_DELIVERIES);
export const ZMailLanguage = z.enum(["de", "en"]);
export type TMailLanguage = z.infer<typeof ZMailLanguage>;
/** Hour of the day in the Kreis (Europe/Berlin) the daily digest goes out. */
export const ZDigestHour = z.number().int().min(0).max(23);

/** The signed-in person's mail settings: every kind with its delivery, defaults filled in. */
export const ZMailSettings = z.object({
  deliveries: z.record(kindOfNotification, ZMailDelivery),
  digestHour: ZDigestHour,
  language: ZMailLanguage,
  /** false: the platform sends no mail at all (no mail server set up); settings still apply later. */
  mailEnabled: z.boolean(),
});
export type TMailSettings = z.infer<typeof ZMailSettings>;

/** Only the kinds named change; the others keep their setting. */
export const ZUpdateMailSettingsRequest = z.object({
  deliveries: z.partialRecord(kindOfNotification, ZMailDelivery).optional(),
  digestHour: ZDigestHour.optional(),
  language: ZMailLanguage.optional(),
});
export type TUpdateMailSettingsRequest = z.infer<typeof ZUpdateMailSettingsRequest>;

/** The outgoing mail as the platform admin sees it: figures, never addresses or contents. */
export const ZMailStatus = z.object({
  smtpConfigured: z.boolean(),
  /** Not yet sent and still being tried. */
  waiting: z.number().int(),
  /** Given up (or never deliverable because no mail server is set up), in the last day. */
  failed: z.number().int(),
  sentLastDay: z.number().int(),
  /** The mail server's last complaint, with addresses removed. */
  lastError: z.string().nullable(),
});
export type TMailStatus = z.infer<typeof ZMailStatus>;
