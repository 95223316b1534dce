/**
 * The wording of the documents for the person concerned, in German: the
 * source every other language translates, and what a missing entry falls
 * back to (marked). Plain language: short sentences, one thought each, no
 * legal terms without saying what they mean. {name} is filled in.
 */
export const de = {
  "goal.title": "Zielvereinbarung",
  "goal.notice":
    "Das ist eine Zusammenfassung. Das ist kein Bescheid. Das ist keine rechtliche Entscheidung.",
  "goal.intro": "Am {date} haben wir zusammen gesprochen. Hier steht, was wir vereinbart haben.",
  "goal.case_number": "Ihre Fall-Nummer",
  "goal.goals": "Ihre Ziele",
  "goal.no_goals": "Es sind noch keine Ziele aufgeschrieben.",
  "goal.actions": "Wer macht was bis wann?",
  "goal.no_actions": "Es sind noch keine Aufgaben verteilt.",
  "goal.who": "Wer",
  "goal.until": "Bis wann",
  "goal.state": "Stand",
  "goal.no_date": "ohne festes Datum",
  "goal.next": "Das nächste Treffen",
  "goal.next_on": "Wir treffen uns wieder am {date}.",
  "goal.next_open": "Der nächste Termin steht noch nicht fest.",
  "goal.contact": "Ihre Ansprechstelle",
  "goal.contact_text":
    "Sie haben Fragen? Oder etwas stimmt nicht? Dann melden Sie sich bei: {agency}.",
  "goal.german_texts":
    "Die Ziele und Aufgaben stehen auf Deutsch. So wurden sie im Gespräch aufgeschrieben.",
  "status.open": "offen",
  "status.in_progress": "in Arbeit",
  "status.done": "erledigt",
  "status.cancelled": "abgebrochen",
  "sheet.title": "Wer darf Ihren Fall sehen?",
  "sheet.notice": "Das ist eine Information für Sie. Das ist kein Bescheid.",
  "sheet.intro":
    "Mehrere Stellen arbeiten an Ihrem Fall. Hier steht, wer Ihre Daten sehen darf. Und warum.",
  "sheet.owner": "Die Stelle, die Ihren Fall führt",
  "sheet.owner_text": "{agency} führt Ihren Fall. Diese Stelle darf Ihren Fall immer sehen.",
  "sheet.agencies": "Diese Stellen dürfen Ihren Fall auch sehen",
  "sheet.no_agencies": "Keine andere Stelle darf Ihren Fall sehen.",
  "sheet.why": "Warum",
  "sheet.consent": "Sie haben zugestimmt (Einwilligung vom {date}).",
  "sheet.consent_undated": "Sie haben zugestimmt (Einwilligung).",
  "sheet.statute": "Ein Gesetz erlaubt es: {norm}.",
  "sheet.purpose": "Wofür",
  "sheet.until": "Bis wann",
  "sheet.until_revoked": "bis Sie Ihre Zustimmung zurücknehmen",
  "sheet.until_task": "solange die Aufgabe besteht",
  "sheet.revoke": "Sie wollen Ihre Zustimmung zurücknehmen?",
  "sheet.revoke_text":
    "Das dürfen Sie jederzeit. Sagen Sie es dieser Stelle: {agency}. Ein kurzer Satz reicht, mündlich oder schriftlich. Ab dann sieht die andere Stelle Ihren Fall nicht mehr. Was vorher war, bleibt erlaubt.",
  "sheet.revoke_statute": "Eine Erlaubnis durch ein Gesetz können Sie nicht zurücknehmen.",
  "sheet.correct": "Etwas ist falsch?",
  "sheet.correct_text":
    "Sie dürfen fragen, was über Sie gespeichert ist. Sie dürfen Fehler berichtigen lassen. Wenden Sie sich an: {agency}.",
  "mark.not_translated": "nicht übersetzt",
  "mark.translation_missing": "Übersetzung fehlt",
  "page.footer": "Seite {page} von {pages}",
} as const;

export type CatalogueKey = keyof typeof de;
export type Catalogue = Partial<Record<CatalogueKey, string>>;
