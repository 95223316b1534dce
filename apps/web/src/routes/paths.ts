import { generatePath } from "react-router";

/**
 * Every address of the app as the router matches it. They are German because users
 * read, bookmark and pass them on; everything else builds them through `paths`.
 */
export const ROUTES = {
  login: "/anmelden",
  inbox: "/",
  cases: "/faelle",
  newCase: "/faelle/neu",
  case: "/faelle/:caseId",
  conferences: "/konferenzen",
  conference: "/konferenzen/:conferenceId",
  goalAgreement: "/konferenzen/:conferenceId/zielvereinbarung",
  transparencySheet: "/faelle/:caseId/transparenzblatt",
  agencies: "/verwaltung/stellen",
  users: "/verwaltung/personen",
  audit: "/verwaltung/protokoll",
  agendaTemplate: "/verwaltung/tagesordnung",
  themes: "/verwaltung/themen",
  signInProviders: "/verwaltung/anmeldedienste",
  account: "/konto/anmeldung",
  notifications: "/benachrichtigungen",
  referrals: "/anfragen",
  pathwayCohort: "/aufenthaltswege",
  pathwayTemplates: "/aufenthaltswege/vorlagen",
  steering: "/lenkungsgruppe",
  actionPlan: "/lenkungsgruppe/handlungskonzept",
  evaluation: "/auswertung",
  workingGroups: "/arbeitsgruppen",
  workingGroup: "/arbeitsgruppen/:groupId",
  workingGroupMeeting: "/arbeitsgruppen/treffen/:meetingId",
} as const;

/** Addresses for links and navigation; the ones with parameters are typed builders. */
export const paths = {
  ...ROUTES,
  case: (caseId: string) => generatePath(ROUTES.case, { caseId }),
  conference: (conferenceId: string) => generatePath(ROUTES.conference, { conferenceId }),
  goalAgreement: (conferenceId: string) => generatePath(ROUTES.goalAgreement, { conferenceId }),
  transparencySheet: (caseId: string) => generatePath(ROUTES.transparencySheet, { caseId }),
  workingGroup: (groupId: string) => generatePath(ROUTES.workingGroup, { groupId }),
  workingGroupMeeting: (meetingId: string) =>
    generatePath(ROUTES.workingGroupMeeting, { meetingId }),
};
