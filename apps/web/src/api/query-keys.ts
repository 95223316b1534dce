import type { TAuditListQuery, TCaseListQuery, TInboxQuery } from "@runder-tisch/contracts";

/**
 * Every React Query key. Keys nest (a case's bases start with the case's key), so live
 * events and saved forms can invalidate a thing together with everything under it.
 */
export const queryKeys = {
  me: ["me"] as const,
  calendarFeed: ["calendar-feed"] as const,
  mailSettings: ["mail-settings"] as const,
  mailStatus: ["mail-status"] as const,
  signInOptions: ["sign-in-options"] as const,
  signInProviders: ["sign-in-providers"] as const,
  agendaTemplate: ["agenda-template"] as const,
  inbox: ["inbox"] as const,
  inboxList: (query: TInboxQuery) => ["inbox", query] as const,
  cases: ["cases"] as const,
  caseList: (query: TCaseListQuery) => ["cases", query] as const,
  case: (id: string) => ["case", id] as const,
  caseActions: (id: string) => [...queryKeys.case(id), "actions"] as const,
  /** Every review of the case's conferences: an action event of the case refreshes them. */
  caseReviews: (caseId: string) => [...queryKeys.case(caseId), "reviews"] as const,
  conferenceReviews: (caseId: string, conferenceId: string) =>
    [...queryKeys.caseReviews(caseId), conferenceId] as const,
  caseConferences: (id: string) => [...queryKeys.case(id), "conferences"] as const,
  sharingBases: (id: string) => [...queryKeys.case(id), "sharing-bases"] as const,
  secrecyReleases: (id: string) => [...queryKeys.case(id), "secrecy-releases"] as const,
  disputes: (caseId: string) => [...queryKeys.case(caseId), "disputes"] as const,
  action: (id: string) => ["action", id] as const,
  actionComments: (id: string) => [...queryKeys.action(id), "comments"] as const,
  actionHistory: (id: string) => [...queryKeys.action(id), "history"] as const,
  conference: (id: string) => ["conference", id] as const,
  attendance: (conferenceId: string) =>
    [...queryKeys.conference(conferenceId), "attendance"] as const,
  minutes: (conferenceId: string) => [...queryKeys.conference(conferenceId), "minutes"] as const,
  /** Every list of conferences across cases; a conference event refreshes them all. */
  conferenceLists: ["conferences"] as const,
  upcoming: ["conferences", "upcoming"] as const,
  awaitingMinutes: ["conferences", "awaiting-minutes"] as const,
  agencies: ["agencies"] as const,
  agencyPeople: (id: string) => ["agency-people", id] as const,
  users: ["users"] as const,
  /** People of one agency, or of all when the id is empty. */
  userList: (agencyId: string) => [...queryKeys.users, agencyId] as const,
  /** The list and the bell's count: a live notice refreshes both. */
  notifications: ["notifications"] as const,
  unreadNotifications: ["notifications", "unread"] as const,
  audit: ["audit"] as const,
  auditTrail: (query: TAuditListQuery) => [...queryKeys.audit, query] as const,
};
