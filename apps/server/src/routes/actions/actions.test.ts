import { describe, expect, it } from "vitest";
import {
  buildMember,
  buildPartner,
  buildSharedCase,
  factories,
  testPasswordHash,
} from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

describe("creating actions", () => {
  it("the owner adds an action for a partner; both see it, the partner may change it", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const { events, stop } = recordEvents(ctx);
    const response = await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
      title: "§104c-Voraussetzungen prüfen",
      responsibleAgencyId: partner.agency.id,
      responsiblePersonId: partner.user.id,
      dueDate: "2026-12-01",
    });
    stop();
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      caseId: caseRow.id,
      caseCode: caseRow.code,
      conferenceId: null,
      status: "open",
      version: 1,
      commentCount: 0,
      dueDate: "2026-12-01",
      responsibleAgency: { id: partner.agency.id },
      responsiblePerson: { id: partner.user.id },
      canEdit: true,
    });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "action.created",
        actionId: created.id,
        responsibleAgencyId: partner.agency.id,
        actorUserId: owner.user.id,
      }),
    ]);

    const seenByPartner = (await partner.session.get(`/api/cases/${caseRow.id}/actions`)).json();
    expect(seenByPartner.actions).toEqual([
      expect.objectContaining({ id: created.id, canEdit: true }),
    ]);
  });

  it("at a conference the owner and invited editors add actions; observers may not", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const { member: observer } = await buildPartner(ctx, {
      caseId: caseRow.id,
      recordedBy: owner.user.id,
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: partner.agency.id, role: "editor" },
      { agencyId: observer.agency.id, role: "observer" },
    ]);
    const body = { title: "Passtermin begleiten", responsibleAgencyId: partner.agency.id };
    const url = `/api/conferences/${conference.id}/actions`;

    const byOwner = await owner.session.post(url, body);
    expect(byOwner.statusCode).toBe(201);
    expect(byOwner.json().conferenceId).toBe(conference.id);
    expect((await partner.session.post(url, body)).statusCode).toBe(201);
    const byObserver = await observer.session.post(url, body);
    expect(byObserver.statusCode).toBe(403);
    expect(byObserver.json().error.code).toBe("forbidden");
  });

  it("agencies that cannot see the conference get 404", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const { member: sharedNotInvited } = await buildPartner(ctx, {
      caseId: caseRow.id,
      recordedBy: owner.user.id,
    });
    const { member: revoked } = await buildPartner(
      ctx,
      { caseId: caseRow.id, recordedBy: owner.user.id },
      { revokedAt: new Date() },
    );
    const stranger = await buildMember(ctx);
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: revoked.agency.id },
    ]);
    const body = { title: "Sprachkurs", responsibleAgencyId: partner.agency.id };
    for (const who of [sharedNotInvited, revoked, stranger]) {
      const response = await who.session.post(`/api/conferences/${conference.id}/actions`, body);
      expect(response.statusCode).toBe(404);
    }
    const missing = await owner.session.post(
      "/api/conferences/00000000-0000-4000-8000-000000000000/actions",
      body,
    );
    expect(missing.statusCode).toBe(404);
  });

  it("outside a conference only the owning agency adds actions", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const stranger = await buildMember(ctx);
    const body = { title: "Arbeitgeber ansprechen", responsibleAgencyId: owner.agency.id };
    const byPartner = await partner.session.post(`/api/cases/${caseRow.id}/actions`, body);
    expect(byPartner.statusCode).toBe(403);
    const byStranger = await stranger.session.post(`/api/cases/${caseRow.id}/actions`, body);
    expect(byStranger.statusCode).toBe(404);
  });

  it("refuses a responsible agency without access or a person outside it with 422", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const stranger = await buildMember(ctx);
    const { member: expired } = await buildPartner(
      ctx,
      { caseId: caseRow.id, recordedBy: owner.user.id },
      { validUntil: "2020-01-01" },
    );
    const disabled = await factories.createUser(ctx.db, {
      agencyId: partner.agency.id,
      passwordHash: await testPasswordHash(),
      disabledAt: new Date(),
    });
    const url = `/api/cases/${caseRow.id}/actions`;
    const attempts = [
      { responsibleAgencyId: stranger.agency.id },
      { responsibleAgencyId: expired.agency.id },
      { responsibleAgencyId: partner.agency.id, responsiblePersonId: owner.user.id },
      { responsibleAgencyId: partner.agency.id, responsiblePersonId: disabled.id },
    ];
    for (const attempt of attempts) {
      const response = await owner.session.post(url, { title: "Prüfen", ...attempt });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe("validation_failed");
    }
    expect((await owner.session.get(url)).json().actions).toEqual([]);
  });

  it("rejects malformed input in the shared error shape", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx);
    const url = `/api/cases/${caseRow.id}/actions`;
    const noTitle = await owner.session.post(url, { responsibleAgencyId: owner.agency.id });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error).toMatchObject({ code: "validation_failed" });
    const badDate = await owner.session.post(url, {
      title: "x",
      responsibleAgencyId: owner.agency.id,
      dueDate: "morgen",
    });
    expect(badDate.statusCode).toBe(400);
    expect((await owner.session.get("/api/actions/not-a-uuid")).statusCode).toBe(400);
    const created = (
      await owner.session.post(url, { title: "x", responsibleAgencyId: owner.agency.id })
    ).json();
    const onlyVersion = await owner.session.patch(`/api/actions/${created.id}`, {
      expectedVersion: 1,
    });
    expect(onlyVersion.statusCode).toBe(400);
    const badStatus = await owner.session.patch(`/api/actions/${created.id}`, { status: "later" });
    expect(badStatus.statusCode).toBe(400);
  });
});
