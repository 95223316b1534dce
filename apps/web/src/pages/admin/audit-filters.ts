import { type TAuditAction, type TAuditListQuery, ZAuditAction } from "@runder-tisch/contracts";

/** The filters as the page keeps them in the address, so a view can be bookmarked or shared. */
export interface AuditFilterState {
  agencyId: string;
  userId: string;
  caseId: string;
  action: TAuditAction | "";
  from: string;
  to: string;
}

const PARAMS: Record<keyof AuditFilterState, string> = {
  agencyId: "stelle",
  userId: "person",
  caseId: "fall",
  action: "aktion",
  from: "von",
  to: "bis",
};

const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function readAuditFilters(params: URLSearchParams): AuditFilterState {
  const action = ZAuditAction.safeParse(params.get(PARAMS.action));
  const from = params.get(PARAMS.from);
  const to = params.get(PARAMS.to);
  return {
    agencyId: params.get(PARAMS.agencyId) ?? "",
    userId: params.get(PARAMS.userId) ?? "",
    caseId: params.get(PARAMS.caseId) ?? "",
    action: action.success ? action.data : "",
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
  };
}

export function writeAuditFilters(state: AuditFilterState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof AuditFilterState)[]) {
    if (state[key]) params.set(PARAMS[key], state[key]);
  }
  return params;
}

/** A calendar day in the user's time zone, from its first to its last moment. */
function dayBoundary(day: string, end: boolean): string {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const moment = end
    ? new Date(year, month - 1, date, 23, 59, 59, 999)
    : new Date(year, month - 1, date, 0, 0, 0, 0);
  return moment.toISOString();
}

export function toAuditQuery(state: AuditFilterState): TAuditListQuery {
  return {
    agencyId: state.agencyId || undefined,
    userId: state.userId || undefined,
    caseId: state.caseId || undefined,
    action: state.action || undefined,
    from: state.from ? dayBoundary(state.from, false) : undefined,
    to: state.to ? dayBoundary(state.to, true) : undefined,
  };
}
