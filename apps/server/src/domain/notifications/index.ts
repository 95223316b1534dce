// Creating notifications: in the transaction of the change that causes them, and reminders.
export { createActionReminders, DUE_SOON_DAYS } from "./create-action-reminders.ts";
export { createNotifications, membersOf, responsiblePeople } from "./create-notifications.ts";
export {
  notifyActionAssigned,
  notifyActionCommented,
  notifyActionReassigned,
} from "./notify-action.ts";
export { type ConferenceNotificationKind, notifyConferenceChange } from "./notify-conference.ts";
