import type {
  TNotification,
  TNotificationKind,
  TNotificationsResponse,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { todayInBerlin } from "../../lib/time.ts";
import { caseVisibleTo } from "../../policies/case-access.ts";
import { referralNotificationVisibleTo } from "../../policies/referral-rules.ts";

export interface NotificationReader {
  userId: string;
  agencyId: string;
}

const n = schema.notifications;

/**
 * Mine, and only about cases my agency may see now: access is checked when reading, so a
 * revoked basis hides what was told before it, from the list and from the count alike.
 * A referral's news reaches its two agencies by the case code alone, whether they see it.
 */
function mineAndVisible(reader: NotificationReader, today: string): SQL {
  return and(
    eq(n.userId, reader.userId),
    sql`(${n.caseId} is null or exists (select 1 from ${schema.cases}
      where ${schema.cases.id} = ${n.caseId} and ${caseVisibleTo(reader.agencyId, today)})
      or ${referralNotificationVisibleTo(reader.agencyId)})`,
  ) as SQL;
}

/** Microseconds, as stored: a millisecond cursor would skip rows made in the same millisecond. */
const cursorAt = sql<string>`to_char(${n.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listNotifications(
  db: Executor,
  reader: NotificationReader,
  query: { before?: string | undefined; limit: number },
  today: string = todayInBerlin(),
): Promise<TNotificationsResponse> {
  const conditions = [mineAndVisible(reader, today)];
  if (query.before) {
    const [at, id] = query.before.split("_");
    conditions.push(sql`(${n.createdAt}, ${n.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({
      id: n.id,
      kind: n.kind,
      createdAt: n.createdAt,
      cursorAt,
      readAt: n.readAt,
      caseId: n.caseId,
      caseCode: schema.cases.code,
      conferenceId: n.conferenceId,
      actionId: n.actionId,
      actionTitle: schema.actions.title,
      conferenceTitle: schema.conferences.title,
    })
    .from(n)
    .leftJoin(schema.cases, eq(schema.cases.id, n.caseId))
    .leftJoin(schema.actions, eq(schema.actions.id, n.actionId))
    .leftJoin(schema.conferences, eq(schema.conferences.id, n.conferenceId))
    .where(and(...conditions))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    notifications: page.map(presentNotification),
    nextCursor: rows.length > query.limit && last ? `${last.cursorAt}_${last.id}` : null,
  };
}

/**
 * The action's or conference's title: every agency that may see the case sees it on the
 * case page, and nothing else of the case (no name, no notes) leaves with a notification.
 */
function presentNotification(row: {
  id: string;
  kind: string;
  createdAt: Date;
  readAt: Date | null;
  caseId: string | null;
  caseCode: string | null;
  conferenceId: string | null;
  actionId: string | null;
  actionTitle: string | null;
  conferenceTitle: string | null;
}): TNotification {
  return {
    id: row.id,
    kind: row.kind as TNotificationKind,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
    caseId: row.caseId,
    caseCode: row.caseCode,
    conferenceId: row.conferenceId,
    actionId: row.actionId,
    label: row.actionTitle ?? row.conferenceTitle,
  };
}

export async function countUnread(
  db: Executor,
  reader: NotificationReader,
  today: string = todayInBerlin(),
): Promise<number> {
  const [row] = await db
    .select({ unread: sql<number>`count(*)`.mapWith(Number) })
    .from(n)
    .where(and(mineAndVisible(reader, today), isNull(n.readAt)));
  return row?.unread ?? 0;
}

/** False when there is no such notification of mine that I may see (answered as 404). */
export async function markRead(
  db: Executor,
  reader: NotificationReader,
  notificationId: string,
  today: string = todayInBerlin(),
): Promise<boolean> {
  const marked = await db
    .update(n)
    .set({ readAt: sql`coalesce(${n.readAt}, now())` })
    .where(and(eq(n.id, notificationId), mineAndVisible(reader, today)))
    .returning({ id: n.id });
  return marked.length > 0;
}

export async function markAllRead(
  db: Executor,
  reader: NotificationReader,
  today: string = todayInBerlin(),
): Promise<number> {
  const marked = await db
    .update(n)
    .set({ readAt: sql`now()` })
    .where(and(mineAndVisible(reader, today), isNull(n.readAt)))
    .returning({ id: n.id });
  return marked.length;
}
