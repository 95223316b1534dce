import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildSharedCase, factories, type Member } from "../../../test/builders.ts";
import { openEventStream, type Stream } from "../../../test/event-stream.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { waitUntil } from "../../../test/wait.ts";

const ctx = useTestApp();
let port: number;
beforeAll(async () => {
  await ctx.app.listen({ host: "127.0.0.1", port: 0 });
  port = (ctx.app.server.address() as AddressInfo).port;
});

const ids = (body: { actions: { id: string }[] }) => body.actions.map((action) => action.id);

/**
 * The DOMAIN.md situation: the Jobcenter owns an action of a case, then the client
 * withdraws the consent for the Jobcenter. The action must not vanish with it.
 */
async function revokedResponsible() {
  const { owner, caseRow, partners, bases } = await buildSharedCase(ctx, { partners: 2 });
  const [jobcenter, caritas] = partners as [Member, Member];
  const orphan = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    responsibleAgencyId: jobcenter.agency.id,
    title: "Eingliederungsvereinbarung prüfen",
  });
  const finished = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    responsibleAgencyId: jobcenter.agency.id,
    status: "done",
  });
  const revoke = () =>
    owner.session.post(`/api/cases/${caseRow.id}/sharing-bases/${bases[0]?.id}/revoke`, {
      note: "Einwilligung für das Jobcenter widerrufen",
    });
  return { owner, jobcenter, caritas, caseRow, orphan, finished, revoke };
}

describe("actions whose responsible agency lost access", () => {
  it("sort in among the owner's own actions by due date, and the counts add both up", async () => {
    const { owner, caseRow, orphan, revoke } = await revokedResponsible();
    const own = (values: { dueDate?: string; createdAt?: Date }) =>
      factories.createAction(ctx.db, {
        caseId: caseRow.id,
        responsibleAgencyId: owner.agency.id,
        ...values,
      });
    const soon = await own({
      dueDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    });
    const undated = await own({ createdAt: new Date(Date.now() + 60_000) });
    expect((await revoke()).statusCode).toBe(200);

    // Dated first; among the undated, the older action (the orphan) first.
    const inbox = (await owner.session.get("/api/inbox")).json();
    expect(ids(inbox)).toEqual([soon.id, orphan.id, undated.id]);
    expect(inbox.counts).toMatchObject({ open: 3, needsNewOwner: 1 });
    const firstTwo = (await owner.session.get("/api/inbox?limit=2")).json();
    expect(ids(firstTwo)).toEqual([soon.id, orphan.id]);
    expect(firstTwo.counts).toMatchObject({ open: 3, needsNewOwner: 1 });
  });

  it("show in the owning agency's inbox as needing a new owner, with a count", async () => {
    const { owner, jobcenter, orphan, revoke } = await revokedResponsible();
    const before = (await owner.session.get("/api/inbox")).json();
    expect(ids(before)).not.toContain(orphan.id);
    expect(before.counts.needsNewOwner).toBe(0);

    expect((await revoke()).statusCode).toBe(200);

    const inbox = (await owner.session.get("/api/inbox")).json();
    expect(ids(inbox)).toEqual([orphan.id]);
    expect(inbox.actions[0]).toMatchObject({
      needsNewOwner: true,
      canEdit: true,
      responsibleAgency: { id: jobcenter.agency.id },
    });
    expect(inbox.counts.needsNewOwner).toBe(1);
    expect(ids((await owner.session.get("/api/inbox?needsNewOwner=true")).json())).toEqual([
      orphan.id,
    ]);
    expect(ids((await owner.session.get("/api/inbox?needsNewOwner=false")).json())).toEqual([]);
    // A person's own list holds what names them, not the agency's loose ends.
    expect(ids((await owner.session.get("/api/inbox?scope=me")).json())).toEqual([]);
  });

  it("are gone for the agency that lost access, which can neither read nor change them", async () => {
    const { jobcenter, orphan, revoke } = await revokedResponsible();
    expect(ids((await jobcenter.session.get("/api/inbox")).json())).toEqual([orphan.id]);
    await revoke();
    expect(ids((await jobcenter.session.get("/api/inbox")).json())).toEqual([]);
    expect((await jobcenter.session.get(`/api/actions/${orphan.id}`)).statusCode).toBe(404);
    const change = await jobcenter.session.patch(`/api/actions/${orphan.id}`, { status: "done" });
    expect(change.statusCode).toBe(404);
  });

  it("can be reassigned by the owner to an agency that still sees the case, and then leave that list", async () => {
    const { owner, caritas, orphan, revoke } = await revokedResponsible();
    await revoke();
    const reassign = await owner.session.patch(`/api/actions/${orphan.id}`, {
      responsibleAgencyId: caritas.agency.id,
      expectedVersion: orphan.version,
    });
    expect(reassign.statusCode).toBe(200);
    expect(reassign.json()).toMatchObject({
      needsNewOwner: false,
      responsibleAgency: { id: caritas.agency.id },
    });
    const ownerInbox = (await owner.session.get("/api/inbox")).json();
    expect(ids(ownerInbox)).toEqual([]);
    expect(ownerInbox.counts.needsNewOwner).toBe(0);
    expect(ids((await caritas.session.get("/api/inbox")).json())).toEqual([orphan.id]);
    const history = (await owner.session.get(`/api/actions/${orphan.id}/history`)).json().events;
    expect(history.at(-1)).toMatchObject({
      agency: { id: owner.agency.id },
      changes: { responsibleAgencyId: { to: caritas.agency.id } },
    });
  });

  it("refuses a new owner without a basis for the case, and changes nothing", async () => {
    const { owner, orphan, revoke } = await revokedResponsible();
    await revoke();
    const stranger = await buildMember(ctx);
    const refused = await owner.session.patch(`/api/actions/${orphan.id}`, {
      responsibleAgencyId: stranger.agency.id,
    });
    expect(refused.statusCode).toBe(422);
    const after = (await owner.session.get(`/api/actions/${orphan.id}`)).json();
    expect(after).toMatchObject({ version: orphan.version, needsNewOwner: true });
  });

  it("leave the list when the owner cancels them", async () => {
    const { owner, orphan, revoke } = await revokedResponsible();
    await revoke();
    const cancel = await owner.session.patch(`/api/actions/${orphan.id}`, { status: "cancelled" });
    expect(cancel.json()).toMatchObject({ status: "cancelled", needsNewOwner: false });
    expect((await owner.session.get("/api/inbox")).json().counts.needsNewOwner).toBe(0);
  });

  it("leave a planned conference marking the agency as without access, which no longer sees it", async () => {
    const { owner, jobcenter, caritas, caseRow, revoke } = await revokedResponsible();
    const planned = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: jobcenter.agency.id },
      { agencyId: caritas.agency.id },
    ]);
    await revoke();
    const seen = (await owner.session.get(`/api/conferences/${planned.id}`)).json();
    const access = Object.fromEntries(
      seen.participants.map((p: { agency: { id: string }; hasAccess: boolean }) => [
        p.agency.id,
        p.hasAccess,
      ]),
    );
    expect(access).toEqual({ [jobcenter.agency.id]: false, [caritas.agency.id]: true });
    expect((await jobcenter.session.get(`/api/conferences/${planned.id}`)).statusCode).toBe(404);
    const upcoming = (await jobcenter.session.get("/api/conferences/upcoming")).json();
    expect(upcoming.conferences.map((c: { id: string }) => c.id)).not.toContain(planned.id);
  });

  it("are announced live to the owner and to the agency that lost access, and to nobody else", async () => {
    const { owner, jobcenter, caritas, caseRow, revoke } = await revokedResponsible();
    const streams = await Promise.all(
      [owner, jobcenter, caritas].map((who) => openEventStream(port, who.session.cookie)),
    );
    const [ownerStream, jobcenterStream, caritasStream] = streams as [Stream, Stream, Stream];
    try {
      await waitUntil(() => streams.every((stream) => stream.status === 200), "streams open");
      await revoke();
      const announced = { kind: "case.access_changed", caseId: caseRow.id };
      await waitUntil(
        () => ownerStream.messages.length > 0 && jobcenterStream.messages.length > 0,
        "owner and revoked agency hear it",
      );
      expect(ownerStream.messages).toEqual([announced]);
      expect(jobcenterStream.messages).toEqual([announced]);
      expect(caritasStream.messages).toEqual([]);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
