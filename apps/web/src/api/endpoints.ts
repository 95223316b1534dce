import {
  type TAgendaTemplate,
  type TAuditListQuery,
  type TCarryAgendaItemRequest,
  type TCaseListQuery,
  type TChangeConferenceStatusRequest,
  type TCreateActionRequest,
  type TCreateAgencyRequest,
  type TCreateCaseRequest,
  type TCreateCommentRequest,
  type TCreateConferenceRequest,
  type TCreateSecrecyReleaseRequest,
  type TCreateSharingBasisRequest,
  type TCreateUserRequest,
  type TDisputeTargetType,
  type TFinaliseConferenceRequest,
  type TIdentityRecordInput,
  type TInboxQuery,
  type TLiftDisputeRequest,
  type TLoginRequest,
  type TNotificationsQuery,
  type TRaiseDisputeRequest,
  type TRecordAttendanceRequest,
  type TReviewActionRequest,
  type TRevokeRequest,
  type TUpdateActionRequest,
  type TUpdateAgencyRequest,
  type TUpdateCaseRequest,
  type TUpdateConferenceRequest,
  type TUpdateMailSettingsRequest,
  type TUpdateUserRequest,
  ZAction,
  ZActionComment,
  ZActionCommentListResponse,
  ZActionHistoryResponse,
  ZActionListResponse,
  ZActionReviewListResponse,
  ZAgency,
  ZAgencyListResponse,
  ZAgencyPeopleResponse,
  ZAgendaTemplateResponse,
  ZAttendance,
  ZAttendanceListResponse,
  ZAuditListResponse,
  ZAuditVerifyResponse,
  ZCalendarFeedStatus,
  ZCarryAgendaItemResponse,
  ZCase,
  ZCaseListResponse,
  ZConference,
  ZConferenceListResponse,
  ZCreateCalendarFeedResponse,
  ZDispute,
  ZDisputeListResponse,
  ZFinaliseConferenceResponse,
  ZIdentityRecordResponse,
  ZInboxResponse,
  ZLogoutResponse,
  ZMailSettings,
  ZMailStatus,
  ZMarkAllReadResponse,
  ZMeResponse,
  ZMinutesListResponse,
  ZNotificationsResponse,
  ZOkResponse,
  type ZProviderAgenciesUpdate,
  ZRecoveryCodes,
  ZReviewActionResponse,
  type ZSecondFactorConfirm,
  type ZSecondFactorRemove,
  ZSecondFactorSetup,
  ZSecrecyRelease,
  ZSecrecyReleaseListResponse,
  ZSharingBasis,
  ZSharingBasisListResponse,
  ZSignInOptions,
  ZSignInProvider,
  ZSignInProviderList,
  ZUnreadCountResponse,
  ZUser,
  ZUserListResponse,
} from "@runder-tisch/contracts";
import type { z } from "zod";
import { apiRequest, buildQuery } from "./client.ts";

// The contracts name these bodies by their schemas only.
type TSecondFactorConfirm = z.infer<typeof ZSecondFactorConfirm>;
type TSecondFactorRemove = z.infer<typeof ZSecondFactorRemove>;
type TProviderAgenciesUpdate = z.infer<typeof ZProviderAgenciesUpdate>;

const DISPUTE_BASE: Record<TDisputeTargetType, string> = {
  case: "/api/cases",
  minutes: "/api/minutes",
  action_comment: "/api/action-comments",
};

/** Plain links (downloads go through the browser, with the session cookie). */
export const links = {
  minutesPdf: (id: string) => `/api/minutes/${id}.pdf`,
  conferenceCalendar: (id: string) => `/api/conferences/${id}/calendar.ics`,
  minutesMarkdown: (id: string) => `/api/minutes/${id}.md`,
  caseExport: (id: string, format: "json" | "html") =>
    `/api/cases/${id}/export${format === "html" ? "?format=html" : ""}`,
  /** Signing in at a provider is a page navigation: the provider's pages are not ours to fetch. */
  signInWith: (providerId: string, returnTo: string) =>
    `/api/auth/oidc/${encodeURIComponent(providerId)}/start${buildQuery({ returnTo })}`,
};

export const api = {
  login: (body: TLoginRequest) =>
    apiRequest("/api/auth/login", {
      method: "POST",
      body,
      schema: ZMeResponse,
      ignoreSessionLoss: true,
    }),
  /** `continueAt` is the provider's sign-out page, where the browser must go next. */
  logout: () => apiRequest("/api/auth/logout", { method: "POST", schema: ZLogoutResponse }),
  me: () => apiRequest("/api/me", { schema: ZMeResponse, ignoreSessionLoss: true }),
  signInOptions: () =>
    apiRequest("/api/auth/options", { schema: ZSignInOptions, ignoreSessionLoss: true }),

  startSecondFactor: () =>
    apiRequest("/api/me/second-factor/setup", { method: "POST", schema: ZSecondFactorSetup }),
  confirmSecondFactor: (body: TSecondFactorConfirm) =>
    apiRequest("/api/me/second-factor/confirm", {
      method: "POST",
      body,
      schema: ZRecoveryCodes,
    }),
  newRecoveryCodes: () =>
    apiRequest("/api/me/second-factor/recovery-codes", { method: "POST", schema: ZRecoveryCodes }),
  removeSecondFactor: (body: TSecondFactorRemove) =>
    apiRequest("/api/me/second-factor", { method: "DELETE", body, schema: ZOkResponse }),
  calendarFeed: () => apiRequest("/api/me/calendar-feed", { schema: ZCalendarFeedStatus }),
  createCalendarFeed: () =>
    apiRequest("/api/me/calendar-feed", { method: "POST", schema: ZCreateCalendarFeedResponse }),
  revokeCalendarFeed: () =>
    apiRequest("/api/me/calendar-feed", { method: "DELETE", schema: ZOkResponse }),

  inbox: (query: TInboxQuery) => apiRequest("/api/inbox", { query, schema: ZInboxResponse }),
  action: (id: string) => apiRequest(`/api/actions/${id}`, { schema: ZAction }),
  updateAction: (id: string, body: TUpdateActionRequest) =>
    apiRequest(`/api/actions/${id}`, { method: "PATCH", body, schema: ZAction }),
  comments: (id: string) =>
    apiRequest(`/api/actions/${id}/comments`, { schema: ZActionCommentListResponse }),
  addComment: (id: string, body: TCreateCommentRequest) =>
    apiRequest(`/api/actions/${id}/comments`, { method: "POST", body, schema: ZActionComment }),
  withdrawComment: (id: string) =>
    apiRequest(`/api/action-comments/${id}/withdraw`, { method: "POST", schema: ZOkResponse }),
  actionHistory: (id: string) =>
    apiRequest(`/api/actions/${id}/history`, { schema: ZActionHistoryResponse }),

  cases: (query: TCaseListQuery) => apiRequest("/api/cases", { query, schema: ZCaseListResponse }),
  createCase: (body: TCreateCaseRequest) =>
    apiRequest("/api/cases", { method: "POST", body, schema: ZCase }),
  case: (id: string) => apiRequest(`/api/cases/${id}`, { schema: ZCase }),
  updateCase: (id: string, body: TUpdateCaseRequest) =>
    apiRequest(`/api/cases/${id}`, { method: "PATCH", body, schema: ZCase }),
  identity: (id: string) =>
    apiRequest(`/api/cases/${id}/identity`, { schema: ZIdentityRecordResponse }),
  saveIdentity: (id: string, body: TIdentityRecordInput) =>
    apiRequest(`/api/cases/${id}/identity`, {
      method: "PUT",
      body,
      schema: ZIdentityRecordResponse,
    }),
  sharingBases: (caseId: string) =>
    apiRequest(`/api/cases/${caseId}/sharing-bases`, { schema: ZSharingBasisListResponse }),
  grantSharingBasis: (caseId: string, body: TCreateSharingBasisRequest) =>
    apiRequest(`/api/cases/${caseId}/sharing-bases`, {
      method: "POST",
      body,
      schema: ZSharingBasis,
    }),
  revokeSharingBasis: (caseId: string, basisId: string, body: TRevokeRequest) =>
    apiRequest(`/api/cases/${caseId}/sharing-bases/${basisId}/revoke`, {
      method: "POST",
      body,
      schema: ZSharingBasis,
    }),
  secrecyReleases: (caseId: string) =>
    apiRequest(`/api/cases/${caseId}/secrecy-releases`, { schema: ZSecrecyReleaseListResponse }),
  recordSecrecyRelease: (caseId: string, body: TCreateSecrecyReleaseRequest) =>
    apiRequest(`/api/cases/${caseId}/secrecy-releases`, {
      method: "POST",
      body,
      schema: ZSecrecyRelease,
    }),
  revokeSecrecyRelease: (caseId: string, releaseId: string) =>
    apiRequest(`/api/cases/${caseId}/secrecy-releases/${releaseId}/revoke`, {
      method: "POST",
      body: {},
      schema: ZSecrecyRelease,
    }),
  caseConferences: (caseId: string) =>
    apiRequest(`/api/cases/${caseId}/conferences`, { schema: ZConferenceListResponse }),
  createConference: (caseId: string, body: TCreateConferenceRequest) =>
    apiRequest(`/api/cases/${caseId}/conferences`, {
      method: "POST",
      body,
      schema: ZConference,
    }),
  attendance: (conferenceId: string) =>
    apiRequest(`/api/conferences/${conferenceId}/attendance`, { schema: ZAttendanceListResponse }),
  recordAttendance: (conferenceId: string, body: TRecordAttendanceRequest) =>
    apiRequest(`/api/conferences/${conferenceId}/attendance/me`, {
      method: "PUT",
      body,
      schema: ZAttendance,
    }),
  conferenceReviews: (conferenceId: string) =>
    apiRequest(`/api/conferences/${conferenceId}/action-reviews`, {
      schema: ZActionReviewListResponse,
    }),
  reviewAction: (conferenceId: string, actionId: string, body: TReviewActionRequest) =>
    apiRequest(`/api/conferences/${conferenceId}/action-reviews/${actionId}`, {
      method: "PUT",
      body,
      schema: ZReviewActionResponse,
    }),
  caseActions: (caseId: string) =>
    apiRequest(`/api/cases/${caseId}/actions`, { schema: ZActionListResponse }),

  awaitingMinutes: () =>
    apiRequest("/api/conferences/awaiting-minutes", { schema: ZConferenceListResponse }),
  upcomingConferences: () =>
    apiRequest("/api/conferences/upcoming", { schema: ZConferenceListResponse }),
  conference: (id: string) => apiRequest(`/api/conferences/${id}`, { schema: ZConference }),
  carryAgendaItem: (conferenceId: string, body: TCarryAgendaItemRequest) =>
    apiRequest(`/api/conferences/${conferenceId}/agenda-items`, {
      method: "POST",
      body,
      schema: ZCarryAgendaItemResponse,
    }),
  agendaTemplate: () => apiRequest("/api/agenda-template", { schema: ZAgendaTemplateResponse }),
  saveAgendaTemplate: (body: TAgendaTemplate) =>
    apiRequest("/api/admin/agenda-template", {
      method: "PUT",
      body,
      schema: ZAgendaTemplateResponse,
    }),
  resetAgendaTemplate: () =>
    apiRequest("/api/admin/agenda-template", {
      method: "DELETE",
      schema: ZAgendaTemplateResponse,
    }),
  changeConferenceStatus: (id: string, body: TChangeConferenceStatusRequest) =>
    apiRequest(`/api/conferences/${id}/status`, { method: "POST", body, schema: ZConference }),
  finaliseConference: (id: string, body: TFinaliseConferenceRequest) =>
    apiRequest(`/api/conferences/${id}/finalise`, {
      method: "POST",
      body,
      schema: ZFinaliseConferenceResponse,
    }),
  conferenceMinutes: (id: string) =>
    apiRequest(`/api/conferences/${id}/minutes`, { schema: ZMinutesListResponse }),
  caseDisputes: (caseId: string) =>
    apiRequest(`/api/cases/${caseId}/disputes`, { schema: ZDisputeListResponse }),
  raiseDispute: (target: TDisputeTargetType, id: string, body: TRaiseDisputeRequest) =>
    apiRequest(`${DISPUTE_BASE[target]}/${id}/dispute`, {
      method: "POST",
      body,
      schema: ZDispute,
    }),
  liftDispute: (target: TDisputeTargetType, id: string, body: TLiftDisputeRequest) =>
    apiRequest(`${DISPUTE_BASE[target]}/${id}/dispute/lift`, {
      method: "POST",
      body,
      schema: ZDispute,
    }),
  updateConference: (id: string, body: TUpdateConferenceRequest) =>
    apiRequest(`/api/conferences/${id}`, { method: "PATCH", body, schema: ZConference }),
  createConferenceAction: (id: string, body: TCreateActionRequest) =>
    apiRequest(`/api/conferences/${id}/actions`, { method: "POST", body, schema: ZAction }),

  agencies: () => apiRequest("/api/agencies", { schema: ZAgencyListResponse }),
  createAgency: (body: TCreateAgencyRequest) =>
    apiRequest("/api/agencies", { method: "POST", body, schema: ZAgency }),
  updateAgency: (id: string, body: TUpdateAgencyRequest) =>
    apiRequest(`/api/agencies/${id}`, { method: "PATCH", body, schema: ZAgency }),
  agencyPeople: (id: string) =>
    apiRequest(`/api/agencies/${id}/people`, { schema: ZAgencyPeopleResponse }),
  users: (agencyId?: string) =>
    apiRequest("/api/users", { query: { agencyId }, schema: ZUserListResponse }),
  createUser: (body: TCreateUserRequest) =>
    apiRequest("/api/users", { method: "POST", body, schema: ZUser }),
  updateUser: (id: string, body: TUpdateUserRequest) =>
    apiRequest(`/api/users/${id}`, { method: "PATCH", body, schema: ZUser }),

  signInProviders: () =>
    apiRequest("/api/admin/sign-in-providers", { schema: ZSignInProviderList }),
  saveProviderAgencies: (providerId: string, body: TProviderAgenciesUpdate) =>
    apiRequest(`/api/admin/sign-in-providers/${encodeURIComponent(providerId)}/agencies`, {
      method: "PUT",
      body,
      schema: ZSignInProvider,
    }),
  mailStatus: () => apiRequest("/api/admin/mail-status", { schema: ZMailStatus }),

  mailSettings: () => apiRequest("/api/me/mail-settings", { schema: ZMailSettings }),
  saveMailSettings: (body: TUpdateMailSettingsRequest) =>
    apiRequest("/api/me/mail-settings", { method: "PUT", body, schema: ZMailSettings }),

  audit: (query: TAuditListQuery) =>
    apiRequest("/api/audit", { query, schema: ZAuditListResponse }),

  notifications: (query: TNotificationsQuery) =>
    apiRequest("/api/notifications", { query, schema: ZNotificationsResponse }),
  unreadNotifications: () =>
    apiRequest("/api/notifications/unread-count", { schema: ZUnreadCountResponse }),
  markNotificationRead: (id: string) =>
    apiRequest(`/api/notifications/${id}/read`, { method: "POST", schema: ZOkResponse }),
  markAllNotificationsRead: () =>
    apiRequest("/api/notifications/read-all", { method: "POST", schema: ZMarkAllReadResponse }),
  verifyAudit: () => apiRequest("/api/admin/audit/verify", { schema: ZAuditVerifyResponse }),
};
