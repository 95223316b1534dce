export {
  type ActionEntry,
  type ActionInput,
  type ActionStatus,
  createAction,
  deleteAction,
  type ReadActionResult,
  readAction,
  readActions,
  setProjectionError,
  updateAction,
} from "./actions.ts";
export {
  type AgendaItem,
  addAgendaItem,
  addDecision,
  addGoal,
  changeDecision,
  changeGoal,
  readAgenda,
  readDecisions,
  readGoals,
  type TextItem,
  withdrawDecision,
  withdrawGoal,
} from "./list-items.ts";
export {
  createEntryId,
  createEntryMap,
  DocKey,
  type EntryMap,
  type EntryValue,
  getActions,
  getAgenda,
  getDecisions,
  getGoals,
  getNotes,
  NOTES_FIELD,
} from "./schema.ts";
export { touchedActionFields, WHOLE_ENTRY } from "./touched-actions.ts";
export { isIsoDate } from "./validate.ts";
