import type {
  TAuditListQuery,
  TCaseListQuery,
  TEvaluationQuery,
  TInboxQuery,
  TPathwayCohortQuery,
  TSteeringThemesQuery,
} from "@runder-tisch/contracts";

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
  themes: ["themes"] as const,
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
  caseReferrals: (caseId: string) => [...queryKeys.case(caseId), "referrals"] as const,
  internalNotes: (caseId: string) => [...queryKeys.case(caseId), "internal-notes"] as const,
  /** Under the case: an action created for a prerequisite refreshes the case's actions too. */
  casePathways: (caseId: string) => [...queryKeys.case(caseId), "pathways"] as const,
  steeringMembership: ["steering", "membership"] as const,
  steeringMembers: ["steering", "members"] as const,
  steeringThemes: (query: TSteeringThemesQuery) => ["steering", "themes", query] as const,
  steeringTopics: ["steering", "topics"] as const,
  /** Every working-group query, so one systemic action event refreshes the group pages. */
  workingGroups: ["working-groups"] as const,
  workingGroup: (id: string) => ["working-groups", id] as const,
  workingGroupMeeting: (id: string) => ["working-groups", "meeting", id] as const,
  /** My agency's systemic actions; not under the inbox key, which case events refresh. */
  systemicInbox: ["systemic-inbox"] as const,
  actionPlan: ["steering", "action-plan"] as const,
  pathwayTemplates: ["pathway-templates"] as const,
  pathwayTemplateEditors: ["pathway-templates", "editors"] as const,
  pathwayCohort: (query: TPathwayCohortQuery) => ["pathway-cohort", query] as const,
  evaluation: (query: TEvaluationQuery) => ["evaluation", query] as const,
  /** Requests to my agency; answering one also changes which cases I see. */
  incomingReferrals: ["referrals", "incoming"] as const,
  action: (id: string) => ["action", id] as const,
  actionComments: (id: string) => [...queryKeys.action(id), "comments"] as const,
  actionHistory: (id: string) => [...queryKeys.action(id), "history"] as const,
  conference: (id: string) => ["conference", id] as const,
  attendance: (conferenceId: string) =>
    [...queryKeys.conference(conferenceId), "attendance"] as const,
  minutes: (conferenceId: string) => [...queryKeys.conference(conferenceId), "minutes"] as const,
  goalAgreement: (conferenceId: string, lang: string) =>
    [...queryKeys.conference(conferenceId), "goal-agreement", lang] as const,
  transparencySheet: (caseId: string, lang: string) =>
    [...queryKeys.case(caseId), "transparency-sheet", lang] as const,
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
