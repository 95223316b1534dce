// Creating notifications: in the transaction of the change that causes them, and reminders.
export { createActionReminders, DUE_SOON_DAYS } from "./create-action-reminders.ts";
export {
  coordinatorsOf,
  createNotifications,
  membersOf,
  responsiblePeople,
} from "./create-notifications.ts";
export {
  notifyActionAssigned,
  notifyActionCommented,
  notifyActionReassigned,
  notifyMentionedInComment,
} from "./notify-action.ts";
export { notifyActionsNeedingOwner } from "./notify-actions-needing-owner.ts";
export { BASIS_EXPIRING_DAYS, notifyBasesExpiring } from "./notify-bases-expiring.ts";
export { type ConferenceNotificationKind, notifyConferenceChange } from "./notify-conference.ts";
export {
  notifyConferencesStartingSoon,
  STARTING_SOON_MS,
} from "./notify-conferences-starting-soon.ts";
export { MINUTES_AWAITED_AFTER_MS, notifyMinutesAwaited } from "./notify-minutes-awaited.ts";
export { notifyNoteMentions } from "./notify-note-mentions.ts";
