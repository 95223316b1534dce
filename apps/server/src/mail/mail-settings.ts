import type { TUpdateMailSettingsRequest } from "@runder-tisch/contracts";
import {
  type MailDelivery,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@runder-tisch/contracts/vocabulary";
import { type Executor, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { DEFAULT_DELIVERY, DEFAULT_DIGEST_HOUR } from "./mail-defaults.ts";

export interface MailSettings {
  deliveries: Record<NotificationKind, MailDelivery>;
  digestHour: number;
  language: "de" | "en";
}

const isKnownKind = (kind: string): kind is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** A person's settings, with the defaults for every kind they never chose. */
export async function loadMailSettings(db: Executor, userId: string): Promise<MailSettings> {
  const [chosen, [preferences]] = await Promise.all([
    db
      .select()
      .from(schema.notificationSettings)
      .where(eq(schema.notificationSettings.userId, userId)),
    db.select().from(schema.mailPreferences).where(eq(schema.mailPreferences.userId, userId)),
  ]);
  const deliveries = { ...DEFAULT_DELIVERY };
  for (const row of chosen) if (isKnownKind(row.kind)) deliveries[row.kind] = row.delivery;
  return {
    deliveries,
    digestHour: preferences?.digestHour ?? DEFAULT_DIGEST_HOUR,
    language: preferences?.language ?? "de",
  };
}

/** Stores what the person changed; every kind named gets a row, so a later default change leaves it. */
export async function updateMailSettings(
  tx: Executor,
  userId: string,
  change: TUpdateMailSettingsRequest,
): Promise<void> {
  const rows = Object.entries(change.deliveries ?? {}).flatMap(([kind, delivery]) =>
    delivery ? [{ userId, kind, delivery }] : [],
  );
  if (rows.length > 0) {
    await tx
      .insert(schema.notificationSettings)
      .values(rows)
      .onConflictDoUpdate({
        target: [schema.notificationSettings.userId, schema.notificationSettings.kind],
        set: { delivery: sql`excluded.delivery` },
      });
  }
  const preferences = {
    ...(change.digestHour !== undefined ? { digestHour: change.digestHour } : {}),
    ...(change.language !== undefined ? { language: change.language } : {}),
  };
  if (Object.keys(preferences).length > 0) {
    await tx
      .insert(schema.mailPreferences)
      .values({ userId, ...preferences })
      .onConflictDoUpdate({ target: schema.mailPreferences.userId, set: preferences });
  }
}
