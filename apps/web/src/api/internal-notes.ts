import {
  type TWriteInternalNoteRequest,
  ZInternalNoteListResponse,
  ZInternalNoteWriteResponse,
  ZOkResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// My agency's own notes on a case: the case page and the conference room's small panel.

export const fetchInternalNotes = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/internal-notes`, { schema: ZInternalNoteListResponse });

export const addInternalNote = (caseId: string, body: TWriteInternalNoteRequest) =>
  apiRequest(`/api/cases/${caseId}/internal-notes`, {
    method: "POST",
    body,
    schema: ZInternalNoteWriteResponse,
  });

export const changeInternalNote = (
  caseId: string,
  noteId: string,
  body: TWriteInternalNoteRequest,
) =>
  apiRequest(`/api/cases/${caseId}/internal-notes/${noteId}`, {
    method: "PATCH",
    body,
    schema: ZInternalNoteWriteResponse,
  });

export const deleteInternalNote = (caseId: string, noteId: string) =>
  apiRequest(`/api/cases/${caseId}/internal-notes/${noteId}`, {
    method: "DELETE",
    schema: ZOkResponse,
  });
