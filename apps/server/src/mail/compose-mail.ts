import type { NotificationKind } from "@runder-tisch/contracts/vocabulary";

export type MailLanguage = "de" | "en";

export interface ComposedMail {
  subject: string;
  text: string;
}

/*
 * Every mail says only which kind of thing happened, in which case (by its code) and where
 * to read it. Mail leaves the platform's control, so nothing of the case is in it: no title
 * of an action, no comment, no names, not even who caused it.
 */

const KIND_LABELS: Record<MailLanguage, Record<NotificationKind, string>> = {
  de: {
    action_assigned: "Neue Aufgabe",
    action_reassigned: "Aufgabe an Sie übergeben",
    action_due_soon: "Aufgabe bald fällig",
    action_overdue: "Aufgabe überfällig",
    action_commented: "Neuer Kommentar zu einer Aufgabe",
    mentioned: "Sie wurden erwähnt",
    conference_scheduled: "Fallkonferenz angesetzt",
    conference_changed: "Fallkonferenz geändert",
    conference_cancelled: "Fallkonferenz abgesagt",
    conference_starting_soon: "Fallkonferenz beginnt bald",
    conference_awaiting_minutes: "Protokoll wartet auf Abschluss",
    action_needs_owner: "Aufgabe braucht eine neue Zuständigkeit",
    sharing_basis_expiring: "Rechtsgrundlage läuft bald ab",
    referral_requested: "Eine Stelle fragt Ihre Stelle für einen Fall an",
    referral_accepted: "Ihre Anfrage an eine Stelle wurde angenommen",
    referral_declined: "Ihre Anfrage an eine Stelle wurde abgelehnt",
  },
  en: {
    action_assigned: "New action",
    action_reassigned: "Action passed to you",
    action_due_soon: "Action due soon",
    action_overdue: "Action overdue",
    action_commented: "New comment on an action",
    mentioned: "You were mentioned",
    conference_scheduled: "Case conference scheduled",
    conference_changed: "Case conference changed",
    conference_cancelled: "Case conference cancelled",
    conference_starting_soon: "Case conference starting soon",
    conference_awaiting_minutes: "Minutes waiting to be finalised",
    action_needs_owner: "Action needs a new owner",
    sharing_basis_expiring: "Sharing basis expiring soon",
    referral_requested: "An agency asks your agency about a case",
    referral_accepted: "Your request to an agency was accepted",
    referral_declined: "Your request to an agency was declined",
  },
};

const TEXTS = {
  de: {
    inCase: (label: string, code: string) => `${label} im Fall ${code}`,
    unknownKind: "Neuigkeit",
    greeting: "Guten Tag,",
    news: "im Runden Tisch gibt es Neues für Sie:",
    open: "Ansehen:",
    digestSubject: (count: number) =>
      count === 1 ? "1 Neuigkeit des Tages" : `${count} Neuigkeiten des Tages`,
    digestIntro: "seit der letzten Übersicht gibt es im Runden Tisch für Sie:",
    noContent:
      "Diese Nachricht enthält mit Absicht keine Inhalte aus Fällen. Welche Nachrichten Sie per E-Mail erhalten, stellen Sie in Ihrem Konto ein:",
  },
  en: {
    inCase: (label: string, code: string) => `${label} in case ${code}`,
    unknownKind: "Update",
    greeting: "Hello,",
    news: "there is something new for you at Runder Tisch:",
    open: "View:",
    digestSubject: (count: number) =>
      count === 1 ? "1 update of the day" : `${count} updates of the day`,
    digestIntro: "since the last summary, Runder Tisch has for you:",
    noContent:
      "This message deliberately contains nothing from any case. Choose which messages reach you by e-mail in your account:",
  },
} as const;

const SUBJECT_PREFIX = "Runder Tisch: ";

const labelOf = (language: MailLanguage, kind: string) =>
  KIND_LABELS[language][kind as NotificationKind] ?? TEXTS[language].unknownKind;

export interface MailLinks {
  /** Where the event can be read (the case, the conference, or the start page). */
  target: string;
  /** The account page, where the mail settings are. */
  settings: string;
}

export function composeNotificationMail(
  language: MailLanguage,
  event: { kind: string; caseCode: string | null },
  links: MailLinks,
): ComposedMail {
  const texts = TEXTS[language];
  const label = labelOf(language, event.kind);
  const what = event.caseCode ? texts.inCase(label, event.caseCode) : label;
  return {
    subject: `${SUBJECT_PREFIX}${what}`,
    text: framed(texts, [`${texts.news} ${what}.`], links),
  };
}

/** Greeting, the mail's own lines, the link, and the footer every mail has. */
function framed(texts: (typeof TEXTS)[MailLanguage], body: string[], links: MailLinks): string {
  return [
    texts.greeting,
    "",
    ...body,
    "",
    `${texts.open} ${links.target}`,
    "",
    "-- ",
    `${texts.noContent} ${links.settings}`,
    "",
  ].join("\n");
}

export interface DigestEntry {
  kind: string;
  caseCode: string | null;
}

/** One line per kind: how many, and in which cases (by code, each once). */
export function composeDigestMail(
  language: MailLanguage,
  entries: readonly DigestEntry[],
  links: MailLinks,
): ComposedMail {
  const texts = TEXTS[language];
  const byKind = new Map<string, { count: number; codes: Set<string> }>();
  for (const entry of entries) {
    const group = byKind.get(entry.kind) ?? { count: 0, codes: new Set<string>() };
    group.count += 1;
    if (entry.caseCode) group.codes.add(entry.caseCode);
    byKind.set(entry.kind, group);
  }
  const lines = [...byKind].map(([kind, group]) => {
    const codes = [...group.codes].sort().join(", ");
    return `- ${labelOf(language, kind)}: ${group.count}${codes ? ` (${codes})` : ""}`;
  });
  return {
    subject: `${SUBJECT_PREFIX}${texts.digestSubject(entries.length)}`,
    text: framed(texts, [texts.digestIntro, "", ...lines], links),
  };
}
