/** One place for query keys, so live events can invalidate exactly what they touch. */
export const queryKeys = {
  me: ["me"] as const,
  inbox: ["inbox"] as const,
  cases: ["cases"] as const,
  case: (id: string) => ["case", id] as const,
  action: (id: string) => ["action", id] as const,
  conference: (id: string) => ["conference", id] as const,
  minutes: (conferenceId: string) => ["conference", conferenceId, "minutes"] as const,
  disputes: (caseId: string) => ["case", caseId, "disputes"] as const,
  upcoming: ["conferences", "upcoming"] as const,
  agencies: ["agencies"] as const,
  agencyPeople: (id: string) => ["agency-people", id] as const,
  users: ["users"] as const,
  audit: ["audit"] as const,
};
