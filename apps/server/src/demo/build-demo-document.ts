import {
  addDecision,
  addGoal,
  addObstacle,
  createAction,
  getNotes,
  type PlannedAgendaItem,
  readAgenda,
  seedPlannedAgenda,
  setAgendaItemDone,
} from "@runder-tisch/conference-doc";
import type { AgendaItemKind } from "@runder-tisch/contracts/vocabulary";
import * as Y from "yjs";
import type { DemoMeeting } from "./demo-history.ts";

/** The standard agenda as the German room names it (the web app's `agenda.*` texts). */
const AGENDA_TITLES: Record<AgendaItemKind, string> = {
  case_presentation: "Vorstellung des Falls",
  questions: "Fragen der Beteiligten",
  resources_and_obstacles: "Ressourcen und Hindernisse",
  goals: "Ziele",
  actions: "Maßnahmen",
  next_review: "Wiedervorlage",
};

const germanDay = (day: string) => day.split("-").reverse().join(".");

export interface DemoDocumentParts {
  /** The conference's planned agenda rows, in order. */
  agenda: readonly PlannedAgendaItem[];
  /** The actions table's ids and responsible agencies of the meeting's actions, in order. */
  actions: readonly { id: string; responsibleAgencyId: string; dueDate: string }[];
  /** The Wiedervorlage agreed on (YYYY-MM-DD), if any. */
  reviewOn: string | null;
}

/**
 * The conference document as the room leaves it at the end of a demo meeting: the
 * planned agenda worked through, the notes, goals, decisions, obstacles and actions,
 * written with the same helpers the room uses.
 */
export function buildDemoDocument(meeting: DemoMeeting, parts: DemoDocumentParts): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    seedPlannedAgenda(doc, parts.agenda, (item) => {
      const kind = item.kind as AgendaItemKind | null;
      if (kind === "next_review") {
        return parts.reviewOn
          ? `Wiedervorlage am ${germanDay(parts.reviewOn)}`
          : "Wiedervorlage nach Bedarf";
      }
      return item.title ?? (kind ? AGENDA_TITLES[kind] : "");
    });
    for (const item of readAgenda(doc)) setAgendaItemDone(doc, item.id, true);
    getNotes(doc).insert(
      0,
      meeting.notes.map((text) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
    for (const goal of meeting.goals) addGoal(doc, goal);
    for (const decision of meeting.decisions) addDecision(doc, decision);
    for (const obstacle of meeting.obstacles) addObstacle(doc, obstacle);
    meeting.actions.forEach((action, index) => {
      const row = parts.actions[index];
      if (!row) return;
      createAction(
        doc,
        {
          title: action.title,
          responsibleAgencyId: row.responsibleAgencyId,
          responsiblePersonId: null,
          dueDate: row.dueDate,
        },
        row.id,
      );
    });
  });
  return doc;
}
