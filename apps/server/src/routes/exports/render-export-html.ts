import type { TCaseExport } from "@runder-tisch/contracts";
import { themeNameIn } from "../../domain/themes/default-theme-names.ts";

const escapeHtml = (value: unknown) =>
  String(value ?? "–")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

const formatValue = (value: unknown): string =>
  value !== null && typeof value === "object" ? JSON.stringify(value) : String(value ?? "–");

function table(caption: string, rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return `<h2>${escapeHtml(caption)}</h2><p>Keine Einträge.</p>`;
  const columns = Object.keys(rows[0] ?? {});
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((column) => `<td>${escapeHtml(formatValue(row[column]))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<h2>${escapeHtml(caption)}</h2>\n<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The export as one readable German HTML page (print it to PDF if needed):
 * every section of the JSON as a table, nothing left out.
 */
export function renderExportHtml(
  data: TCaseExport,
  themeNames: ReadonlyMap<string, string> = new Map(),
): string {
  const { case: caseData } = data;
  const sections = [
    table("Fall", [
      {
        Fallcode: caseData.code,
        "Fallführende Stelle": caseData.ownerAgency.name,
        Beschreibung: caseData.summary,
        Themen: caseData.themes.join(", "),
        "Besondere Kategorien": caseData.specialCategoryNote,
        Status: caseData.status,
        Abgeschlossen: caseData.closedAt,
        Angelegt: caseData.createdAt,
        Bestritten: caseData.disputed
          ? `${caseData.disputed.reason} (seit ${caseData.disputed.raisedAt})`
          : "nein",
      },
    ]),
    table("Identitätsdaten", data.identity ? [data.identity] : []),
    table(
      "Rechtsgrundlagen für die Weitergabe",
      data.sharingBases.map(({ agency, ...rest }) => ({ Stelle: agency.name, ...rest })),
    ),
    table(
      "Schweigepflichtentbindungen",
      data.secrecyReleases.map(({ agency, ...rest }) => ({ Stelle: agency.name, ...rest })),
    ),
    table(
      "Fallkonferenzen",
      data.conferences.map(({ document, participants, agenda, obstacles, ...rest }) => ({
        ...rest,
        Teilnehmende: participants.map((p) => `${p.agency.name} (${p.role})`).join(", "),
        Notizen: document.notes,
        Ziele: document.goals.join("; "),
        Beschlüsse: document.decisions.join("; "),
        Hindernisse: obstacles
          .map(
            (item) =>
              `${themeNameIn(themeNames, item.theme)}: ${item.description}${item.proposedFix ? ` (Vorschlag: ${item.proposedFix})` : ""}`,
          )
          .join("; "),
        Tagesordnung: agenda.map((item) => item.title ?? item.kind).join(", "),
        Bearbeitungen: document.updates.length,
      })),
    ),
    table(
      "Protokolle",
      data.minutes.map((minutes) => ({
        Version: minutes.version,
        Konferenz: minutes.content.conference.title,
        Festgestellt: minutes.finalisedAt,
        "SHA-256": minutes.hash.value,
        Hinweise: [
          ...minutes.marks.revokedBases.map((mark) => mark.text),
          ...(minutes.marks.dispute ? [`Bestritten: ${minutes.marks.dispute.reason}`] : []),
        ].join("; "),
      })),
    ),
    table(
      "Maßnahmen",
      data.actions.map(
        ({ comments, history, reviews, responsibleAgency, responsibleUser, ...rest }) => ({
          ...rest,
          Verantwortlich: responsibleAgency.name,
          Person: responsibleUser?.displayName,
          Kommentare: comments
            .map(
              (c) =>
                `${c.createdAt} ${c.agency.name}: ${c.body}${c.disputed ? " [BESTRITTEN]" : ""}`,
            )
            .join(" | "),
          Änderungen: history.length,
          Überprüfungen: reviews
            .map(
              (r) =>
                `${r.reviewedAt} ${r.agency.name}: ${r.outcome}${r.note ? ` (${r.note})` : ""}`,
            )
            .join(" | "),
        }),
      ),
    ),
    table(
      "Bestreitungen (Art. 18 DSGVO)",
      data.disputes.map(({ raisedBy, ...rest }) => ({ ...rest, Stelle: raisedBy?.name })),
    ),
    table(
      "Anfragen an andere Stellen (Beteiligung und Übergabe)",
      data.referrals.map(({ fromAgency, toAgency, categories, ...rest }) => ({
        Von: fromAgency.name,
        An: toAgency.name,
        ...rest,
        Kategorien: categories?.join(", "),
      })),
    ),
    table(
      `Interne Notizen – nur ${data.generatedBy.agency.name}`,
      data.internalNotes.map(({ agency, ...rest }) => ({ Stelle: agency.name, ...rest })),
    ),
    table(
      "Aufenthaltswege – Voraussetzungen (Arbeitshilfe, keine rechtliche Entscheidung)",
      data.pathwayChecklists.flatMap((checklist) =>
        checklist.items.map((item) => ({
          Weg: `${checklist.norm} (Vorlage Version ${checklist.templateVersion})`,
          Voraussetzung: item.de,
          Status: item.status,
          Gesetzt: item.setAt,
          Von: item.setBy ? `${item.setBy.displayName} (${item.setByAgency?.name})` : null,
          Aufgabe: item.action?.title,
        })),
      ),
    ),
    table(
      "Aufenthaltswege – Änderungen",
      data.pathwayChecklists.flatMap((checklist) =>
        checklist.history.map(({ by, agency, ...change }) => ({
          Weg: checklist.norm,
          ...change,
          Von: by?.displayName,
          Stelle: agency.name,
        })),
      ),
    ),
    table(
      "Trotz Datenschutz-Hinweis veröffentlicht (mit Begründung)",
      data.personalDataOverrides.map(({ agency, kinds, ...rest }) => ({
        ...rest,
        Arten: kinds.join(", "),
        Stelle: agency.name,
      })),
    ),
    table(
      "Protokoll der Zugriffe (wer hat wann was gesehen oder geändert)",
      data.auditEntries.map((entry) => ({ ...entry })),
    ),
  ];
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Auskunft nach Art. 15 DSGVO – ${escapeHtml(caseData.code)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem;font-size:.9rem}th,td{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold;position:absolute;left:-9999px}</style>
</head>
<body>
<main>
<h1>Auskunft nach Art. 15 DSGVO: Fall ${escapeHtml(caseData.code)}</h1>
<p>Erstellt am ${escapeHtml(data.generatedAt)} von ${escapeHtml(data.generatedBy.user.displayName)} (${escapeHtml(data.generatedBy.agency.name)}).</p>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
