import type { TMinutes, TMinutesParticipant } from "@runder-tisch/contracts";
import { themeNameIn } from "../themes/default-theme-names.ts";
import { germanDate } from "./minutes-marks.ts";

/**
 * The minutes as a German document, independent of the output format: the
 * Markdown and PDF renderers draw the same blocks, so both say the same.
 */
export type MinutesBlock =
  | { type: "heading"; text: string; level?: 2 | 3 }
  | { type: "paragraph"; text: string; emphasis?: boolean }
  /** The notes, already Markdown; the PDF draws its headings and lists. */
  | { type: "markdown"; text: string }
  | { type: "list"; items: string[]; ordered?: boolean }
  | { type: "table"; columns: string[]; widths: number[]; rows: string[][] };

export interface MinutesDocument {
  title: string;
  subtitle: string;
  facts: [string, string][];
  notices: string[];
  blocks: MinutesBlock[];
  footer: string[];
}

const ROLE = { owner: "fallführend", editor: "teilnehmend", observer: "beobachtend" } as const;
const FINDING: Record<string, string> = {
  person_name: "Name",
  address: "Anschrift",
  id_number: "Ausweisnummer",
  birth_date: "Geburtsdatum",
  email: "E-Mail-Adresse",
  phone: "Telefonnummer",
  file_number: "Aktenzeichen",
  iban: "Kontonummer",
};
const STATUS = {
  open: "offen",
  in_progress: "in Arbeit",
  done: "erledigt",
  cancelled: "abgebrochen",
} as const;

export const germanDateTime = (iso: string) =>
  new Intl.DateTimeFormat("de-DE", {
    timeZone: "Europe/Berlin",
    dateStyle: "long",
    timeStyle: "short",
  }).format(new Date(iso));

function agendaLine(item: TMinutes["content"]["agenda"][number]): string {
  if (item.carriedTo)
    return `${item.title} (verschoben auf die Konferenz am ${germanDate(item.carriedTo)})`;
  return `${item.title}${item.done ? " (erledigt)" : ""}`;
}

function basisText(participant: TMinutesParticipant): string {
  const { basis } = participant;
  switch (basis.kind) {
    case "owner":
      return "eigene Aufgabe (fallführende Stelle)";
    case "consent":
      return `Einwilligung${basis.consentGivenOn ? ` vom ${germanDate(basis.consentGivenOn)}` : ""}${basis.purpose ? `; Zweck: ${basis.purpose}` : ""}`;
    case "statute":
      return `Gesetzliche Befugnis: ${basis.norm ?? "ohne Angabe"}`;
    default:
      return "keine gültige Rechtsgrundlage bei Feststellung";
  }
}

const ATTENDANCE = {
  present: "anwesend",
  apologised: "entschuldigt",
  information_sent: "Informationen vorab geschickt",
} as const;

/** Who took part, by person; absent in older minutes, so no block. */
function attendanceBlocks(attendance: TMinutes["content"]["attendance"]): MinutesBlock[] {
  if (attendance === undefined) return [];
  return [
    { type: "heading", text: "Teilnahme" },
    attendance.length > 0
      ? {
          type: "table",
          columns: ["Person", "Stelle", "Teilnahme", "Vertraulichkeit"],
          widths: [0.28, 0.32, 0.2, 0.2],
          rows: attendance.map((entry) => [
            entry.name,
            entry.agency.name,
            ATTENDANCE[entry.kind],
            entry.confidentialityConfirmed ? "bestätigt" : "–",
          ]),
        }
      : { type: "paragraph", text: "Keine Teilnahme erfasst.", emphasis: true },
  ];
}

/** Obstacles the case ran into; absent in minutes sealed before they were recorded, so no block. */
function obstacleBlocks(
  obstacles: TMinutes["content"]["obstacles"],
  themeNames: ReadonlyMap<string, string>,
): MinutesBlock[] {
  if (obstacles === undefined) return [];
  return [
    { type: "heading", text: "Hindernisse" },
    obstacles.length > 0
      ? {
          type: "table",
          columns: ["Thema", "Hindernis", "Vorschlag"],
          widths: [0.2, 0.45, 0.35],
          rows: obstacles.map((obstacle) => [
            themeNameIn(themeNames, obstacle.theme),
            obstacle.description,
            obstacle.proposedFix ?? "",
          ]),
        }
      : { type: "paragraph", text: "Keine Hindernisse festgehalten.", emphasis: true },
  ];
}

const OUTCOME = {
  done: "erledigt",
  in_progress: "in Arbeit",
  not_possible: "nicht möglich (Umstände geändert)",
  not_done: "nicht erledigt",
} as const;

/** The review of actions carried over from earlier; absent in older minutes, so no block. */
function reviewBlocks(reviews: TMinutes["content"]["reviews"]): MinutesBlock[] {
  if (reviews === undefined) return [];
  return [
    { type: "heading", text: "Überprüfung offener Maßnahmen" },
    reviews.length > 0
      ? {
          type: "table",
          columns: ["Maßnahme", "Verantwortlich", "Ergebnis", "Anmerkung"],
          widths: [0.34, 0.2, 0.2, 0.26],
          rows: reviews.map((review) => [
            review.agreedAt
              ? `${review.title}\n(aus: ${review.agreedAt.title}, ${germanDate(review.agreedAt.on)})`
              : review.title,
            review.responsibleAgency.name,
            review.newDueDate
              ? `${OUTCOME[review.outcome]}, neu fällig ${germanDate(review.newDueDate)}`
              : OUTCOME[review.outcome],
            review.note,
          ]),
        }
      : { type: "paragraph", text: "Keine offenen Maßnahmen überprüft.", emphasis: true },
  ];
}

/** `themeNames`: the Kreis's German theme names; the defaults stand in for any missing. */
export function describeMinutes(
  minutes: TMinutes,
  themeNames: ReadonlyMap<string, string> = new Map(),
): MinutesDocument {
  const { content, marks } = minutes;
  const notices = [
    ...(marks.dispute
      ? [
          `BESTRITTEN: Die betroffene Person bestreitet die Richtigkeit (Art. 18 DSGVO, § 84 SGB X), seit ${germanDate(marks.dispute.raisedAt.slice(0, 10))}. Begründung: ${marks.dispute.reason}`,
        ]
      : []),
    ...marks.revokedBases.map((mark) => `Hinweis: ${mark.text}.`),
  ];
  const blocks: MinutesBlock[] = [
    { type: "heading", text: "Teilnehmende Stellen und Rechtsgrundlage" },
    {
      type: "table",
      columns: ["Stelle", "Rolle", "Rechtsgrundlage"],
      widths: [0.34, 0.16, 0.5],
      rows: content.participants.map((participant) => [
        participant.agency.name,
        ROLE[participant.role],
        basisText(participant),
      ]),
    },
    ...attendanceBlocks(content.attendance),
    { type: "heading", text: "Tagesordnung" },
    content.agenda.length > 0
      ? {
          type: "list",
          ordered: true,
          items: content.agenda.map(agendaLine),
        }
      : { type: "paragraph", text: "Keine Tagesordnungspunkte.", emphasis: true },
    { type: "heading", text: "Notizen" },
    content.notes
      ? { type: "markdown", text: content.notes }
      : { type: "paragraph", text: "Keine Notizen.", emphasis: true },
    { type: "heading", text: "Ziele" },
    content.goals.length > 0
      ? { type: "list", items: content.goals }
      : { type: "paragraph", text: "Keine Ziele vereinbart.", emphasis: true },
    { type: "heading", text: "Beschlüsse" },
    content.decisions.length > 0
      ? { type: "list", items: content.decisions }
      : { type: "paragraph", text: "Keine Beschlüsse.", emphasis: true },
    ...obstacleBlocks(content.obstacles, themeNames),
    { type: "heading", text: "Maßnahmen" },
    content.actions.length > 0
      ? {
          type: "table",
          columns: ["Maßnahme", "Verantwortlich", "Fällig", "Status"],
          widths: [0.44, 0.26, 0.15, 0.15],
          rows: content.actions.map((action) => [
            action.description ? `${action.title}\n${action.description}` : action.title,
            action.responsibleAgency.name,
            action.dueDate ? germanDate(action.dueDate) : "offen",
            STATUS[action.status],
          ]),
        }
      : { type: "paragraph", text: "Keine Maßnahmen.", emphasis: true },
    ...reviewBlocks(content.reviews),
    { type: "heading", text: "Wiedervorlage" },
    {
      type: "paragraph",
      text: content.nextReviewOn ? germanDate(content.nextReviewOn) : "Kein Termin festgelegt.",
    },
  ];
  if (content.piiOverride) {
    blocks.push(
      { type: "heading", text: "Prüfung auf personenbezogene Daten" },
      {
        type: "paragraph",
        text: `Die Prüfung meldete ${content.piiOverride.findingCount} Fundstelle(n) (${content.piiOverride.kinds.map((kind) => FINDING[kind] ?? kind).join(", ")}). Das Protokoll wurde mit folgender Begründung trotzdem festgestellt: ${content.piiOverride.reason}`,
      },
    );
  }
  return {
    title: "Protokoll der Fallkonferenz",
    subtitle: `Fall ${content.case.code} · ${content.conference.title}`,
    facts: [
      ["Fall", content.case.code],
      ["Konferenz", content.conference.title],
      ["Termin", germanDateTime(content.conference.scheduledAt)],
      [
        "Festgestellt",
        `${germanDateTime(content.finalised.at)} von ${content.finalised.userName} (${content.finalised.agency.name})`,
      ],
      ["Version", String(minutes.version)],
    ],
    notices,
    blocks,
    footer: [`Prüfsumme (SHA-256 über den kanonischen JSON-Inhalt): ${minutes.hash.value}`],
  };
}
