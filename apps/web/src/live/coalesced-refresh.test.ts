import type { QueryKey } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "../api/query-keys.ts";
import { CoalescedRefresh } from "./coalesced-refresh.ts";
import { queriesChangedBy } from "./refresh-plan.ts";

const CASE = "7d0a2c43-5b6e-4c1a-9f3e-2a1b0c9d8e7f";
const ACTION = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const CONFERENCE = "1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d";

describe("refreshing pages after live events", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function recorder() {
    const refreshed: QueryKey[][] = [];
    let current: QueryKey[] = [];
    const refresh = new CoalescedRefresh(
      (key) => current.push(key),
      1_000,
      () => Date.now(),
    );
    const flushes = () => {
      if (current.length > 0) refreshed.push(current);
      current = [];
      return refreshed;
    };
    return { refresh, flushes };
  }

  it("refreshes at once after a quiet spell, so a single change shows without delay", () => {
    const { refresh, flushes } = recorder();
    refresh.add([queryKeys.inbox]);
    expect(flushes()).toEqual([[queryKeys.inbox]]);
  });

  it("refreshes each query at most once per second during a burst of events", () => {
    const { refresh, flushes } = recorder();
    refresh.add([queryKeys.inbox, queryKeys.action("a-0")]);
    flushes();
    for (let index = 1; index <= 50; index++) {
      vi.advanceTimersByTime(10);
      refresh.add([queryKeys.inbox, queryKeys.action(`a-${index % 3}`)]);
      expect(flushes()).toHaveLength(1);
    }
    vi.advanceTimersByTime(499);
    expect(flushes()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const [first, second] = flushes();
    expect(first).toEqual([queryKeys.inbox, queryKeys.action("a-0")]);
    // The rest of the burst: each query once, whatever the number of events.
    expect(second).toEqual([
      queryKeys.inbox,
      queryKeys.action("a-1"),
      queryKeys.action("a-2"),
      queryKeys.action("a-0"),
    ]);
    // A later event waits for the window after that refresh, not longer.
    refresh.add([queryKeys.inbox]);
    expect(flushes()).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(flushes()).toHaveLength(3);
  });

  it("refreshes nothing after the page has gone", () => {
    const { refresh, flushes } = recorder();
    refresh.add([queryKeys.inbox]);
    refresh.add([queryKeys.cases]);
    refresh.dispose();
    vi.advanceTimersByTime(5_000);
    expect(flushes()).toEqual([[queryKeys.inbox]]);
  });
});

describe("which queries an event changes", () => {
  const keys = (keysOf: QueryKey[]) => keysOf.map((key) => JSON.stringify(key));

  it("an action event: the inbox, the action, the case's actions and reviews, not the case lists", () => {
    const changed = keys(
      queriesChangedBy({
        kind: "action.changed",
        actionId: ACTION,
        caseId: CASE,
        conferenceId: null,
      }),
    );
    expect(changed).toEqual(
      keys([
        queryKeys.inbox,
        queryKeys.action(ACTION),
        queryKeys.caseActions(CASE),
        queryKeys.caseReviews(CASE),
      ]),
    );
    expect(changed).not.toContain(JSON.stringify(queryKeys.case(CASE)));
    expect(changed).not.toContain(JSON.stringify(queryKeys.cases));
    expect(changed).not.toContain(JSON.stringify(queryKeys.notifications));
  });

  it("a conference event: the conference lists and the conference, not the inbox", () => {
    const changed = keys(
      queriesChangedBy({
        kind: "conference.changed",
        conferenceId: CONFERENCE,
        caseId: CASE,
        status: "live",
      }),
    );
    expect(changed).toContain(JSON.stringify(queryKeys.conference(CONFERENCE)));
    expect(changed).toContain(JSON.stringify(queryKeys.caseConferences(CASE)));
    expect(changed).not.toContain(JSON.stringify(queryKeys.inbox));
  });

  it("lost access: everything of the case and every list, so the case disappears", () => {
    const changed = keys(queriesChangedBy({ kind: "case.access_changed", caseId: CASE }));
    expect(changed).toEqual(
      keys([queryKeys.inbox, queryKeys.cases, queryKeys.conferenceLists, queryKeys.case(CASE)]),
    );
  });

  it("a notification: the bell, the list and the requests to my agency", () => {
    expect(queriesChangedBy({ kind: "notification.created" })).toEqual([
      queryKeys.notifications,
      queryKeys.incomingReferrals,
    ]);
  });
});
