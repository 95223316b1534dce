import { ACTION_STATUSES, isThemeKey, type TInboxQuery } from "@runder-tisch/contracts";
import { addDays, today } from "../../components/format.ts";

export type DueFilter = "" | "overdue" | "week";
export interface InboxFilterState {
  scope: "agency" | "me";
  status: string;
  due: DueFilter;
  caseId: string;
  theme: string;
  /** Only actions of my agency's cases whose responsible agency lost access. */
  needsNewOwner: boolean;
}

export function readFilters(params: URLSearchParams): InboxFilterState {
  const due = params.get("faellig");
  return {
    scope: params.get("nur") === "ich" ? "me" : "agency",
    status: params.get("status") ?? "",
    due: due === "overdue" || due === "week" ? due : "",
    caseId: params.get("fall") ?? "",
    theme: params.get("thema") ?? "",
    needsNewOwner: params.get("neu-zuweisen") === "ja",
  };
}

export function writeFilters(state: InboxFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.scope === "me") params.set("nur", "ich");
  if (state.status) params.set("status", state.status);
  if (state.due) params.set("faellig", state.due);
  if (state.caseId) params.set("fall", state.caseId);
  if (state.theme) params.set("thema", state.theme);
  if (state.needsNewOwner) params.set("neu-zuweisen", "ja");
  return params;
}

const isStatus = (value: string): value is (typeof ACTION_STATUSES)[number] =>
  (ACTION_STATUSES as readonly string[]).includes(value);

/** The API query for the chosen filters; "all" asks for every status explicitly. */
export function toInboxQuery(state: InboxFilterState): TInboxQuery {
  const query: TInboxQuery = { scope: state.scope };
  if (state.status === "all") query.status = [...ACTION_STATUSES];
  else if (isStatus(state.status)) query.status = state.status;
  if (state.due === "overdue") query.overdue = "true";
  if (state.due === "week") {
    query.overdue = "false";
    query.dueBefore = addDays(today(), 8);
  }
  if (state.caseId) query.caseId = state.caseId;
  if (isThemeKey(state.theme)) query.theme = state.theme;
  if (state.needsNewOwner) query.needsNewOwner = "true";
  return query;
}
