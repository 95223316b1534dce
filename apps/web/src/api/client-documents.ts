import { type TClientLanguage, ZClientDocument } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the pages of the documents for the person concerned.

export const fetchGoalAgreement = (conferenceId: string, lang: TClientLanguage) =>
  apiRequest(`/api/conferences/${conferenceId}/goal-agreement`, {
    query: { lang },
    schema: ZClientDocument,
  });

export const goalAgreementPdfUrl = (conferenceId: string, lang: TClientLanguage) =>
  `/api/conferences/${conferenceId}/goal-agreement.pdf?lang=${lang}`;

export const fetchTransparencySheet = (caseId: string, lang: TClientLanguage) =>
  apiRequest(`/api/cases/${caseId}/transparency-sheet`, {
    query: { lang },
    schema: ZClientDocument,
  });

export const transparencySheetPdfUrl = (caseId: string, lang: TClientLanguage) =>
  `/api/cases/${caseId}/transparency-sheet.pdf?lang=${lang}`;
