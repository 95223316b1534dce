import {
  getNotes,
  readActions,
  readAgenda,
  readDecisions,
  readGoals,
  readObstacles,
} from "@runder-tisch/conference-doc";
import type * as Y from "yjs";
import { notesToMarkdown } from "./notes-to-markdown.ts";
import type { LocatedText } from "./text-guard.ts";

/** Every free text of a conference document that ends up in the minutes. */
export function documentTexts(doc: Y.Doc): LocatedText[] {
  const texts: LocatedText[] = [{ where: "notes", text: notesToMarkdown(getNotes(doc)) }];
  readAgenda(doc).forEach((item, index) => {
    texts.push({ where: `agenda[${index}]`, text: item.title });
  });
  readGoals(doc).forEach((item, index) => {
    texts.push({ where: `goals[${index}]`, text: item.text });
  });
  readDecisions(doc).forEach((item, index) => {
    texts.push({ where: `decisions[${index}]`, text: item.text });
  });
  readObstacles(doc).forEach((item, index) => {
    texts.push({ where: `obstacles[${index}].description`, text: item.description });
    if (item.proposedFix !== null) {
      texts.push({ where: `obstacles[${index}].proposedFix`, text: item.proposedFix });
    }
  });
  for (const result of readActions(doc)) {
    if (!result.ok) continue;
    const { action } = result;
    texts.push({ where: `actions[${action.id}].title`, text: action.title });
    texts.push({ where: `actions[${action.id}].description`, text: action.description });
  }
  return texts;
}
