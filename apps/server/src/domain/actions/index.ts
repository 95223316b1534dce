// The action business functions, for the REST routes and the live conference document alike.
export { type ActionDomainEvent, describeActionEvent } from "./action-event.ts";
export {
  byDueDate,
  loadPresentableAction,
  type PresentableActionRow,
  selectPresentableActions,
} from "./action-query.ts";
export { type ActionOrigin, authorizeActionCreation } from "./authorize-creation.ts";
export { type ActionCommentRow, commentOnAction } from "./comment-on-action.ts";
export { type CreateActionInput, createAction } from "./create-action.ts";
export { type AccessibleAction, type ActionRow, findAccessibleAction } from "./find-action.ts";
export { listConferenceReviews } from "./list-reviews.ts";
export { presentAction } from "./present-action.ts";
export { type ReviewResult, reviewCarriedOverAction } from "./review-action.ts";
export type { ActionActor, ActionChanges, ActionWriteResult } from "./types.ts";
export { type UpdateActionInput, updateAction } from "./update-action.ts";
export { withdrawComment } from "./withdraw-comment.ts";
