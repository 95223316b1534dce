import {
  type TCarryAgendaItemRequest,
  type TChangeConferenceStatusRequest,
  type TCreateActionRequest,
  type TFinaliseConferenceRequest,
  type TRecordAttendanceRequest,
  type TReviewActionRequest,
  ZAction,
  ZActionReviewListResponse,
  ZAttendance,
  ZAttendanceListResponse,
  ZCarryAgendaItemResponse,
  ZConference,
  ZFinaliseConferenceResponse,
  ZMinutesListResponse,
  ZReviewActionResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the conference room: one conference, its attendance, review, finalising and minutes.

export const fetchConference = (id: string) =>
  apiRequest(`/api/conferences/${id}`, { schema: ZConference });

export const fetchAttendance = (conferenceId: string) =>
  apiRequest(`/api/conferences/${conferenceId}/attendance`, { schema: ZAttendanceListResponse });

export const recordAttendance = (conferenceId: string, body: TRecordAttendanceRequest) =>
  apiRequest(`/api/conferences/${conferenceId}/attendance/me`, {
    method: "PUT",
    body,
    schema: ZAttendance,
  });

export const fetchConferenceReviews = (conferenceId: string) =>
  apiRequest(`/api/conferences/${conferenceId}/action-reviews`, {
    schema: ZActionReviewListResponse,
  });

export const reviewAction = (conferenceId: string, actionId: string, body: TReviewActionRequest) =>
  apiRequest(`/api/conferences/${conferenceId}/action-reviews/${actionId}`, {
    method: "PUT",
    body,
    schema: ZReviewActionResponse,
  });

export const carryAgendaItem = (conferenceId: string, body: TCarryAgendaItemRequest) =>
  apiRequest(`/api/conferences/${conferenceId}/agenda-items`, {
    method: "POST",
    body,
    schema: ZCarryAgendaItemResponse,
  });

export const changeConferenceStatus = (id: string, body: TChangeConferenceStatusRequest) =>
  apiRequest(`/api/conferences/${id}/status`, { method: "POST", body, schema: ZConference });

export const finaliseConference = (id: string, body: TFinaliseConferenceRequest) =>
  apiRequest(`/api/conferences/${id}/finalise`, {
    method: "POST",
    body,
    schema: ZFinaliseConferenceResponse,
  });

export const createConferenceAction = (id: string, body: TCreateActionRequest) =>
  apiRequest(`/api/conferences/${id}/actions`, { method: "POST", body, schema: ZAction });

export const fetchConferenceMinutes = (id: string) =>
  apiRequest(`/api/conferences/${id}/minutes`, { schema: ZMinutesListResponse });

// Downloads go through the browser, with the session cookie.
export const conferenceCalendarUrl = (id: string) => `/api/conferences/${id}/calendar.ics`;
export const minutesPdfUrl = (id: string) => `/api/minutes/${id}.pdf`;
export const minutesMarkdownUrl = (id: string) => `/api/minutes/${id}.md`;
