import {
  type MailDelivery,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@runder-tisch/contracts/vocabulary";
import { schema } from "@runder-tisch/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * What a person gets without having chosen: at once what needs them to act or to turn up
 * (a new or passed-on action, a mention, a conference set, moved, cancelled or about to
 * begin, an action left without owner, another agency's request or answer); in the daily
 * digest what is a reminder or can wait a day (due and overdue actions, comments, minutes
 * to finalise, a basis running out).
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, MailDelivery> = {
  action_assigned: "immediately",
  action_reassigned: "immediately",
  action_due_soon: "digest",
  action_overdue: "digest",
  action_commented: "digest",
  mentioned: "immediately",
  conference_scheduled: "immediately",
  conference_changed: "immediately",
  conference_cancelled: "immediately",
  conference_starting_soon: "immediately",
  conference_awaiting_minutes: "digest",
  action_needs_owner: "immediately",
  sharing_basis_expiring: "digest",
  referral_requested: "immediately",
  referral_accepted: "immediately",
  referral_declined: "immediately",
};

/** A kind this version does not know (written by a newer node) waits for the digest. */
const FALLBACK_DELIVERY: MailDelivery = "digest";

export const DEFAULT_DIGEST_HOUR = 7;

/**
 * SQL: the delivery that applies to a notification, on a query joined with the person's
 * `notification_settings` row for its kind (left join: no row means the default).
 */
export function effectiveDelivery(): SQL<string> {
  const cases = NOTIFICATION_KINDS.map((kind) => sql`when ${kind} then ${DEFAULT_DELIVERY[kind]}`);
  return sql<string>`coalesce(${schema.notificationSettings.delivery}, case ${schema.notifications.kind} ${sql.join(cases, sql` `)} else ${FALLBACK_DELIVERY} end)`;
}
