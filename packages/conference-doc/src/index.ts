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
  type Dismissal,
  dismissalKey,
  dismissFinding,
  observeDismissals,
  readDismissals,
} from "./dismissals.ts";
export {
  type AgendaItem,
  addAgendaItem,
  addDecision,
  addGoal,
  changeAgendaItem,
  changeDecision,
  changeGoal,
  markAgendaItemCarried,
  type PlannedAgendaItem,
  readAgenda,
  readDecisions,
  readGoals,
  seedPlannedAgenda,
  setAgendaItemDone,
  type TextItem,
  withdrawAgendaItem,
  withdrawDecision,
  withdrawGoal,
} from "./list-items.ts";
export {
  insertedNoteMentions,
  MENTION_ID_ATTRIBUTE,
  MENTION_LABEL_ATTRIBUTE,
  MENTION_NODE,
  type NoteMention,
} from "./note-mentions.ts";
export {
  addObstacle,
  changeObstacle,
  type Obstacle,
  type ObstacleInput,
  readObstacles,
  withdrawObstacle,
} from "./obstacles.ts";
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
  getObstacles,
  NOTES_FIELD,
} from "./schema.ts";
export { touchedActionFields, WHOLE_ENTRY } from "./touched-actions.ts";
export { isIsoDate } from "./validate.ts";
