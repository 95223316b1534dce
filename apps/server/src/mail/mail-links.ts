/**
 * Addresses of the web app for mails. They mirror the web app's German paths
 * (apps/web/src/routes/paths.ts); a mail names ids only, never anything of the case.
 */
export function mailLinks(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    base,
    home: `${base}/`,
    settings: `${base}/konto/anmeldung`,
    case: (caseId: string) => `${base}/faelle/${caseId}`,
    conference: (conferenceId: string) => `${base}/konferenzen/${conferenceId}`,
    referrals: `${base}/anfragen`,
  };
}
export type MailLinkBuilder = ReturnType<typeof mailLinks>;

/**
 * Where a notification's mail points: the conference if it names one, else its case. A
 * request from another agency points to the requests page: the case is not yet visible.
 */
export function targetOf(
  links: MailLinkBuilder,
  event: { kind?: string; caseId: string | null; conferenceId: string | null },
): string {
  if (event.kind === "referral_requested") return links.referrals;
  if (event.conferenceId) return links.conference(event.conferenceId);
  if (event.caseId) return links.case(event.caseId);
  return links.home;
}
