import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { conferenceCalendar, invitationMethod } from "../calendar/conference-calendar.ts";
import { berlinClock, berlinInstant } from "../lib/time.ts";
import { agencyInColumnSeesCase } from "../policies/case-access.ts";
import { referralNotificationVisibleTo } from "../policies/referral-rules.ts";
import { composeDigestMail, composeNotificationMail, type DigestEntry } from "./compose-mail.ts";
import { DEFAULT_DIGEST_HOUR, effectiveDelivery } from "./mail-defaults.ts";
import { type MailLinkBuilder, targetOf } from "./mail-links.ts";
import { queueMail } from "./queue-mail.ts";

const HOUR_MS = 3_600_000;
/** An older notification is not mailed at once any more (say, after a setting was changed). */
const IMMEDIATE_WINDOW_MS = 24 * HOUR_MS;
/** A digest gathers what came in the last week and was not mailed yet. */
const DIGEST_WINDOW_MS = 7 * 24 * HOUR_MS;

const n = schema.notifications;
const c = schema.conferences;

/**
 * Kinds whose mail carries the conference's invitation, so calendars take the date over
 * (or, once it is called off, drop it).
 */
const INVITING_KINDS: ReadonlySet<string> = new Set([
  "conference_scheduled",
  "conference_changed",
  "conference_cancelled",
]);

/**
 * Unmailed, unread notifications of people who can still sign in and (when it names a case)
 * whose agency can still see that case. Rows are locked for the run: another node's run
 * skips them, so no notification is mailed twice.
 */
function pendingNotifications(tx: Executor, conditions: SQL[], limit: number) {
  return tx
    .select({
      id: n.id,
      userId: n.userId,
      kind: n.kind,
      caseId: sql<string | null>`${schema.cases.id}`,
      conferenceId: n.conferenceId,
      caseCode: sql<string | null>`${schema.cases.code}`,
      email: schema.users.email,
      language: sql<"de" | "en">`coalesce(${schema.mailPreferences.language}, 'de')`,
      // The conference as it is now (not as it was when notified), for its invitation.
      scheduledAt: c.scheduledAt,
      durationMinutes: c.durationMinutes,
      location: c.location,
      videoLink: c.videoLink,
      conferenceStatus: c.status,
      calendarSequence: c.calendarSequence,
    })
    .from(n)
    .innerJoin(schema.users, eq(schema.users.id, n.userId))
    .leftJoin(
      schema.notificationSettings,
      and(
        eq(schema.notificationSettings.userId, n.userId),
        eq(schema.notificationSettings.kind, n.kind),
      ),
    )
    .leftJoin(schema.mailPreferences, eq(schema.mailPreferences.userId, n.userId))
    .leftJoin(schema.conferences, eq(schema.conferences.id, n.conferenceId))
    .leftJoin(
      schema.cases,
      eq(schema.cases.id, sql`coalesce(${n.caseId}, ${schema.conferences.caseId})`),
    )
    .where(
      and(
        isNull(n.emailedAt),
        isNull(n.readAt),
        isNull(schema.users.disabledAt),
        or(
          isNull(schema.cases.id),
          agencyInColumnSeesCase(schema.users.agencyId),
          referralNotificationVisibleTo(schema.users.agencyId),
        ),
        ...conditions,
      ),
    )
    .orderBy(asc(n.createdAt))
    .limit(limit)
    .for("update", { of: n, skipLocked: true });
}

async function markEmailed(tx: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length > 0) await tx.update(n).set({ emailedAt: now }).where(inArray(n.id, ids));
}

/** One mail per notification whose person wants that kind at once. */
export async function mailImmediateNotifications(
  tx: Executor,
  links: MailLinkBuilder,
  now: Date,
): Promise<number> {
  const rows = await pendingNotifications(
    tx,
    [
      sql`${effectiveDelivery()} = 'immediately'`,
      gt(n.createdAt, new Date(now.getTime() - IMMEDIATE_WINDOW_MS)),
    ],
    200,
  );
  const emailed: string[] = [];
  for (const row of rows) {
    const mail = composeNotificationMail(
      row.language,
      { kind: row.kind, caseCode: row.caseCode },
      { target: targetOf(links, row), settings: links.settings },
    );
    const queued = await queueMail(tx, {
      to: row.email,
      subject: mail.subject,
      text: mail.text,
      caseId: row.caseId,
      calendar: invitationOf(row, links),
    });
    if (queued) emailed.push(row.id);
  }
  await markEmailed(tx, emailed, now);
  return emailed.length;
}

/**
 * The iCalendar invitation (METHOD:REQUEST, or CANCEL once called off) a conference's mail carries, with the
 * conference's current SEQUENCE so a calendar replaces the entry it holds. Like the mail,
 * it names the case by its code only (calendar/conference-calendar.ts).
 */
function invitationOf(
  row: {
    kind: string;
    conferenceId: string | null;
    caseCode: string | null;
    language: "de" | "en";
    scheduledAt: Date | null;
    durationMinutes: number | null;
    location: string | null;
    videoLink: string | null;
    conferenceStatus: string | null;
    calendarSequence: number | null;
  },
  links: MailLinkBuilder,
): string | null {
  if (!INVITING_KINDS.has(row.kind) || !row.conferenceId || !row.caseCode || !row.scheduledAt) {
    return null;
  }
  return conferenceCalendar({
    conferences: [
      {
        id: row.conferenceId,
        caseCode: row.caseCode,
        scheduledAt: row.scheduledAt,
        durationMinutes: row.durationMinutes ?? 60,
        location: row.location ?? "",
        videoLink: row.videoLink ?? "",
        status: row.conferenceStatus ?? "planned",
        calendarSequence: row.calendarSequence ?? 0,
      },
    ],
    method:
      row.kind === "conference_cancelled"
        ? "CANCEL"
        : invitationMethod(row.conferenceStatus ?? "planned"),
    publicUrl: links.base,
    language: row.language,
  });
}

/**
 * The daily digest of everyone whose digest hour is the hour of `at` (Europe/Berlin): one
 * mail per person with what came in before that hour began. Whatever arrives during the
 * hour waits for the next day, so running the job again in the same hour sends nothing.
 */
export async function mailDigests(
  tx: Executor,
  links: MailLinkBuilder,
  at: Date,
  now: Date,
): Promise<number> {
  const clock = berlinClock(at);
  const hourStart = berlinInstant(clock.day, clock.hour, 0);
  const rows = await pendingNotifications(
    tx,
    [
      sql`${effectiveDelivery()} = 'digest'`,
      sql`coalesce(${schema.mailPreferences.digestHour}, ${DEFAULT_DIGEST_HOUR}) = ${clock.hour}`,
      lt(n.createdAt, hourStart),
      gt(n.createdAt, new Date(hourStart.getTime() - DIGEST_WINDOW_MS)),
    ],
    5_000,
  );
  const byPerson = new Map<
    string,
    { email: string; language: "de" | "en"; entries: DigestEntry[]; ids: string[] }
  >();
  for (const row of rows) {
    const person = byPerson.get(row.userId) ?? {
      email: row.email,
      language: row.language,
      entries: [],
      ids: [],
    };
    person.entries.push({ kind: row.kind, caseCode: row.caseCode });
    person.ids.push(row.id);
    byPerson.set(row.userId, person);
  }
  let mails = 0;
  for (const person of byPerson.values()) {
    const mail = composeDigestMail(person.language, person.entries, {
      target: links.home,
      settings: links.settings,
    });
    if (await queueMail(tx, { to: person.email, subject: mail.subject, text: mail.text })) {
      await markEmailed(tx, person.ids, now);
      mails += 1;
    }
  }
  return mails;
}
