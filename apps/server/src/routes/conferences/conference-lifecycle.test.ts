import { describe, expect, it } from "vitest";
import {
  buildMember,
  buildSharedCase,
  factories,
  testPasswordHash,
} from "../../../test/builders.ts";
import { signIn } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { instantInDays } from "../../../test/time.ts";

const ctx = useTestApp();

describe("conference lifecycle", () => {
  it("a concluded conference waits for its minutes in the owning agency's list, nowhere else", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: partner.agency.id },
    ]);
    const awaiting = async (who: typeof owner) =>
      (await who.session.get("/api/conferences/awaiting-minutes"))
        .json()
        .conferences.map((c: { id: string }) => c.id);
    const url = `/api/conferences/${conference.id}/status`;
    await owner.session.post(url, { status: "live" });
    expect(await awaiting(owner)).toEqual([]);
    await owner.session.post(url, { status: "concluded" });
    expect(await awaiting(owner)).toEqual([conference.id]);
    // The invited agency cannot finalise, so the list is not its business.
    expect(await awaiting(partner)).toEqual([]);

    const coordinator = await buildMember(ctx, { agency: owner.agency, role: "coordinator" });
    const finalised = await coordinator.session.post(
      `/api/conferences/${conference.id}/finalise`,
      {},
    );
    expect(finalised.statusCode).toBe(201);
    expect(await awaiting(owner)).toEqual([]);
  });

  it("runs planned → live → concluded → finalised and stamps each step", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id });
    const url = `/api/conferences/${conference.id}/status`;
    const stamps = { live: "startedAt", concluded: "concludedAt" };
    for (const [status, stamp] of Object.entries(stamps)) {
      const response = await owner.session.post(url, { status });
      expect(response.statusCode, status).toBe(200);
      expect(response.json().status).toBe(status);
      expect(Date.parse(response.json()[stamp])).not.toBeNaN();
    }
    // The last step stores the minutes, so it has its own route and needs a coordinator.
    const coordinator = await factories.createUser(ctx.db, {
      agencyId: owner.agency.id,
      passwordHash: await testPasswordHash(),
      role: "coordinator",
    });
    const finalised = await (await signIn(ctx.app, coordinator)).post(
      `/api/conferences/${conference.id}/finalise`,
      {},
    );
    expect(finalised.statusCode).toBe(201);
    const final = (await owner.session.get(`/api/conferences/${conference.id}`)).json();
    expect(final.status).toBe("finalised");
    expect(final.startedAt <= final.concludedAt && final.concludedAt <= final.finalisedAt).toBe(
      true,
    );
  });

  it("refuses skipped, repeated and backward steps with invalid_transition", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id });
    const url = `/api/conferences/${conference.id}/status`;
    const refuse = async (status: string) => {
      const response = await owner.session.post(url, { status });
      expect(response.statusCode, status).toBe(409);
      // "finalised" is refused in favour of POST /finalise, whatever the current status.
      expect(response.json().error.code).toBe(
        status === "finalised" ? "conflict" : "invalid_transition",
      );
    };
    await refuse("planned");
    await refuse("concluded");
    await refuse("finalised");
    await owner.session.post(url, { status: "live" });
    await refuse("live");
    await refuse("planned");
    await refuse("finalised");
    // Calling off is a way out before the start only.
    await refuse("cancelled");
    await owner.session.post(url, { status: "concluded" });
    await refuse("live");
    await refuse("concluded");
    await refuse("finalised");
    await refuse("cancelled");
  });

  it("keeps a finalised conference as it is", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      status: "finalised",
      finalisedAt: new Date(),
    });
    const url = `/api/conferences/${conference.id}`;
    for (const payload of [
      { title: "Nachträglich" },
      { scheduledAt: instantInDays(1) },
      { participants: [{ agencyId: partners[0]?.agency.id }] },
    ]) {
      const response = await owner.session.patch(url, payload);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("conflict");
    }
    const unchanged = (await owner.session.get(url)).json();
    expect(unchanged).toMatchObject({ title: conference.title, participants: [] });
  });

  it("still allows editing a running conference", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      status: "live",
      startedAt: new Date(),
    });
    const response = await owner.session.patch(`/api/conferences/${conference.id}`, {
      title: "Fallkonferenz (verlängert)",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "live", title: "Fallkonferenz (verlängert)" });
  });
});
