import { ERROR_REASONS } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories } from "../../test/builders.ts";
import type { Session } from "../../test/sessions.ts";
import { useTestApp } from "../../test/test-app.ts";
import { dateInDays, instantInDays } from "../../test/time.ts";

/**
 * Every case-scoped route against every kind of caller: the owning agency, an
 * agency with an active basis (invited to the conference, responsible for the
 * action), one whose basis was revoked, one whose basis expired, an uninvolved
 * agency, and nobody signed in. A "no" must look exactly like a missing record.
 */

type Role = "owner" | "partner" | "revoked" | "expired" | "uninvolved" | "anonymous";
const ROLES: Role[] = ["owner", "partner", "revoked", "expired", "uninvolved", "anonymous"];

interface Fixture {
  sessions: Record<Exclude<Role, "anonymous">, Session>;
  caseId: string;
  /** A § 104c checklist whose first prerequisite is marked not met. */
  checklistId: string;
  conferenceId: string;
  /** Planned after `conferenceId`, the partner invited as editor. */
  laterConferenceId: string;
  actionId: string;
  /** Agreed outside the conference, so the conference can review it. */
  carriedActionId: string;
  /** Written by the partner. */
  partnerCommentId: string;
  basisId: string;
  releaseId: string;
  partnerAgencyId: string;
  /** An agency without access to the case, to ask to join it. */
  askedAgencyId: string;
  /** The owner asks the partner to take the case over (the partner decides it). */
  transferId: string;
  /** Written by the owner. */
  ownerNoteId: string;
}

interface RouteCase {
  name: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url(f: Fixture): string;
  body?(f: Fixture): unknown;
  /** Expected status for the owner and the partner; every other caller is refused. */
  owner: number;
  partner: number;
}

const ROUTES: RouteCase[] = [
  {
    name: "read case",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}`,
    owner: 200,
    partner: 200,
  },
  {
    name: "change case",
    method: "PATCH",
    url: (f) => `/api/cases/${f.caseId}`,
    body: () => ({ summary: "neu" }),
    owner: 200,
    partner: 404,
  },
  {
    name: "show identity",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/identity`,
    owner: 200,
    partner: 404,
  },
  {
    name: "record identity",
    method: "PUT",
    url: (f) => `/api/cases/${f.caseId}/identity`,
    body: () => ({ name: "Klient" }),
    owner: 200,
    partner: 404,
  },
  {
    name: "list sharing bases",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/sharing-bases`,
    owner: 200,
    partner: 200,
  },
  {
    name: "grant sharing basis",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/sharing-bases`,
    body: (f) => ({
      agencyId: f.partnerAgencyId,
      purpose: "Arbeitsmarktintegration",
      categories: ["general"],
      legalBasis: { kind: "statute", norm: "§ 69 SGB X" },
    }),
    owner: 201,
    partner: 404,
  },
  {
    name: "revoke sharing basis",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/sharing-bases/${f.basisId}/revoke`,
    body: () => ({}),
    owner: 200,
    partner: 404,
  },
  {
    name: "list referrals",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/referrals`,
    owner: 200,
    partner: 404,
  },
  {
    name: "ask an agency to join",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/referrals`,
    body: (f) => ({
      kind: "share",
      agencyId: f.askedAgencyId,
      basis: {
        purpose: "Migrationsberatung",
        categories: ["general"],
        legalBasis: { kind: "statute", norm: "§ 69 SGB X" },
      },
    }),
    owner: 201,
    partner: 404,
  },
  {
    // The partner decides first; the owner then finds the request answered.
    name: "accept referral",
    method: "POST",
    url: (f) => `/api/referrals/${f.transferId}/accept`,
    body: () => ({}),
    owner: 409,
    partner: 200,
  },
  {
    name: "decline referral",
    method: "POST",
    url: (f) => `/api/referrals/${f.transferId}/decline`,
    body: () => ({ reason: "Keine Kapazität" }),
    owner: 409,
    partner: 200,
  },
  {
    name: "withdraw referral",
    method: "POST",
    url: (f) => `/api/referrals/${f.transferId}/withdraw`,
    body: () => ({}),
    owner: 200,
    partner: 403,
  },
  {
    name: "list internal notes",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/internal-notes`,
    owner: 200,
    partner: 200,
  },
  {
    name: "add internal note",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/internal-notes`,
    body: () => ({ body: "Rückruf vereinbart" }),
    owner: 201,
    partner: 201,
  },
  {
    name: "change internal note",
    method: "PATCH",
    url: (f) => `/api/cases/${f.caseId}/internal-notes/${f.ownerNoteId}`,
    body: () => ({ body: "Rückruf erledigt" }),
    owner: 200,
    partner: 404,
  },
  {
    name: "delete internal note",
    method: "DELETE",
    url: (f) => `/api/cases/${f.caseId}/internal-notes/${f.ownerNoteId}`,
    owner: 200,
    partner: 404,
  },
  {
    name: "list secrecy releases",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/secrecy-releases`,
    owner: 200,
    partner: 200,
  },
  {
    name: "record secrecy release",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/secrecy-releases`,
    body: (f) => ({
      agencyId: f.partnerAgencyId,
      form: "written",
      givenOn: dateInDays(-1),
      scope: "Passbeschaffung",
    }),
    owner: 201,
    partner: 404,
  },
  {
    name: "revoke secrecy release",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/secrecy-releases/${f.releaseId}/revoke`,
    body: () => ({}),
    owner: 200,
    partner: 404,
  },
  {
    name: "list conferences",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/conferences`,
    owner: 200,
    partner: 200,
  },
  {
    name: "schedule conference",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/conferences`,
    body: () => ({
      title: "Wiedervorlage",
      scheduledAt: instantInDays(1),
    }),
    owner: 201,
    partner: 404,
  },
  {
    name: "read conference",
    method: "GET",
    url: (f) => `/api/conferences/${f.conferenceId}`,
    owner: 200,
    partner: 200,
  },
  {
    name: "change conference",
    method: "PATCH",
    url: (f) => `/api/conferences/${f.conferenceId}`,
    body: () => ({ title: "Neu" }),
    owner: 200,
    partner: 404,
  },
  {
    name: "start conference",
    method: "POST",
    url: (f) => `/api/conferences/${f.conferenceId}/status`,
    body: () => ({ status: "live" }),
    owner: 200,
    partner: 404,
  },
  {
    name: "collaboration token",
    method: "POST",
    url: (f) => `/api/conferences/${f.conferenceId}/collab-token`,
    owner: 200,
    partner: 200,
  },
  {
    name: "action from conference",
    method: "POST",
    url: (f) => `/api/conferences/${f.conferenceId}/actions`,
    body: (f) => ({ title: "Pass beantragen", responsibleAgencyId: f.partnerAgencyId }),
    owner: 201,
    partner: 201,
  },
  {
    name: "list case actions",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/actions`,
    owner: 200,
    partner: 200,
  },
  {
    name: "action outside a conference",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/actions`,
    body: (f) => ({ title: "Nachfassen", responsibleAgencyId: f.partnerAgencyId }),
    owner: 201,
    partner: 403,
  },
  {
    name: "read action",
    method: "GET",
    url: (f) => `/api/actions/${f.actionId}`,
    owner: 200,
    partner: 200,
  },
  {
    name: "change action",
    method: "PATCH",
    url: (f) => `/api/actions/${f.actionId}`,
    body: () => ({ status: "in_progress" }),
    owner: 200,
    partner: 200,
  },
  {
    name: "list comments",
    method: "GET",
    url: (f) => `/api/actions/${f.actionId}/comments`,
    owner: 200,
    partner: 200,
  },
  {
    name: "comment",
    method: "POST",
    url: (f) => `/api/actions/${f.actionId}/comments`,
    body: () => ({ body: "Termin steht." }),
    owner: 201,
    partner: 201,
  },
  {
    name: "action history",
    method: "GET",
    url: (f) => `/api/actions/${f.actionId}/history`,
    owner: 200,
    partner: 200,
  },
  {
    name: "withdraw comment",
    method: "POST",
    url: (f) => `/api/action-comments/${f.partnerCommentId}/withdraw`,
    body: () => ({}),
    // Only its author: the partner wrote it; the owner may not take it back for them.
    owner: 403,
    partner: 200,
  },
  {
    name: "list attendance",
    method: "GET",
    url: (f) => `/api/conferences/${f.conferenceId}/attendance`,
    owner: 200,
    partner: 200,
  },
  {
    name: "goal agreement for the person",
    method: "GET",
    url: (f) => `/api/conferences/${f.conferenceId}/goal-agreement?lang=ar`,
    owner: 200,
    partner: 200,
  },
  {
    name: "goal agreement as PDF",
    method: "GET",
    url: (f) => `/api/conferences/${f.conferenceId}/goal-agreement.pdf`,
    owner: 200,
    partner: 200,
  },
  {
    name: "transparency sheet for the person",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/transparency-sheet?lang=uk`,
    owner: 200,
    partner: 404,
  },
  {
    name: "transparency sheet as PDF",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/transparency-sheet.pdf`,
    owner: 200,
    partner: 404,
  },
  {
    name: "record attendance",
    method: "PUT",
    url: (f) => `/api/conferences/${f.conferenceId}/attendance/me`,
    body: () => ({ kind: "present", confidentialityConfirmed: true }),
    owner: 200,
    partner: 200,
  },
  {
    name: "list action reviews",
    method: "GET",
    url: (f) => `/api/conferences/${f.conferenceId}/action-reviews`,
    owner: 200,
    partner: 200,
  },
  {
    name: "review carried-over action",
    method: "PUT",
    url: (f) => `/api/conferences/${f.conferenceId}/action-reviews/${f.carriedActionId}`,
    body: () => ({ outcome: "done" }),
    owner: 200,
    partner: 200,
  },
  {
    name: "carry agenda item to a later conference",
    method: "POST",
    url: (f) => `/api/conferences/${f.conferenceId}/agenda-items`,
    body: (f) => ({ toConferenceId: f.laterConferenceId, title: "Wohnungssuche", mode: "move" }),
    owner: 201,
    partner: 201,
  },
  {
    name: "list pathway checklists",
    method: "GET",
    url: (f) => `/api/cases/${f.caseId}/pathways`,
    owner: 200,
    partner: 200,
  },
  {
    name: "start pathway checklist",
    method: "POST",
    url: (f) => `/api/cases/${f.caseId}/pathways`,
    body: () => ({ pathwayKey: "aufenthg-25b" }),
    owner: 201,
    partner: 403,
  },
  {
    name: "set pathway prerequisite status",
    method: "PUT",
    url: (f) => `/api/cases/${f.caseId}/pathways/${f.checklistId}/prerequisites/bekenntnis-fdgo`,
    body: () => ({ status: "met" }),
    owner: 200,
    partner: 403,
  },
  {
    name: "create action for unmet pathway prerequisite",
    method: "POST",
    url: (f) =>
      `/api/cases/${f.caseId}/pathways/${f.checklistId}/prerequisites/aufenthalt-5-jahre/action`,
    body: (f) => ({ responsibleAgencyId: f.partnerAgencyId }),
    owner: 201,
    partner: 403,
  },
  {
    name: "delete identity",
    method: "DELETE",
    url: (f) => `/api/cases/${f.caseId}/identity`,
    owner: 200,
    partner: 404,
  },
];

const ctx = useTestApp();

async function buildFixture(): Promise<Fixture> {
  const [owner, partner, revoked, expired, uninvolved] = await Promise.all([
    buildMember(ctx),
    buildMember(ctx),
    buildMember(ctx),
    buildMember(ctx),
    buildMember(ctx),
  ]);
  const caseRow = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
  const grant = (agencyId: string, extra: { revokedAt?: Date; validUntil?: string } = {}) =>
    factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId,
      recordedBy: owner.user.id,
      ...extra,
    });
  const basis = await grant(partner.agency.id);
  await grant(revoked.agency.id, { revokedAt: new Date(Date.now() - 60_000) });
  await grant(expired.agency.id, { validUntil: dateInDays(-1) });
  // A second basis for the partner, so revoking the first in the matrix keeps its access.
  await grant(partner.agency.id);
  const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
    { agencyId: partner.agency.id },
    { agencyId: revoked.agency.id },
    { agencyId: expired.agency.id },
  ]);
  const later = await factories.createConference(
    ctx.db,
    { caseId: caseRow.id, scheduledAt: new Date(instantInDays(21)) },
    [{ agencyId: partner.agency.id }],
  );
  const action = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    conferenceId: conference.id,
    responsibleAgencyId: partner.agency.id,
  });
  const carried = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    conferenceId: null,
    responsibleAgencyId: partner.agency.id,
  });
  const partnerComment = await partner.session.post(`/api/actions/${action.id}/comments`, {
    body: "Termin steht.",
  });
  await owner.session.put(`/api/cases/${caseRow.id}/identity`, {
    name: "Demo-Klient",
    fileNumber: "AZ-1",
  });
  const release = await owner.session.post(`/api/cases/${caseRow.id}/secrecy-releases`, {
    agencyId: partner.agency.id,
    form: "written",
    givenOn: dateInDays(-1),
    scope: "Austausch zur Passbeschaffung",
  });
  const checklist = await owner.session.post(`/api/cases/${caseRow.id}/pathways`, {
    pathwayKey: "aufenthg-104c",
  });
  await owner.session.put(
    `/api/cases/${caseRow.id}/pathways/${checklist.json().id}/prerequisites/aufenthalt-5-jahre`,
    { status: "not_met" },
  );
  const asked = await factories.createAgency(ctx.db);
  const transfer = await owner.session.post(`/api/cases/${caseRow.id}/referrals`, {
    kind: "transfer",
    agencyId: partner.agency.id,
  });
  const ownerNote = await owner.session.post(`/api/cases/${caseRow.id}/internal-notes`, {
    body: "Vermerk",
  });
  return {
    sessions: {
      owner: owner.session,
      partner: partner.session,
      revoked: revoked.session,
      expired: expired.session,
      uninvolved: uninvolved.session,
    },
    caseId: caseRow.id,
    conferenceId: conference.id,
    laterConferenceId: later.id,
    actionId: action.id,
    carriedActionId: carried.id,
    partnerCommentId: partnerComment.json().id,
    basisId: basis.id,
    releaseId: release.json().id,
    partnerAgencyId: partner.agency.id,
    checklistId: checklist.json().id,
    askedAgencyId: asked.id,
    transferId: transfer.json().id,
    ownerNoteId: ownerNote.json().id,
  };
}

async function lastAuditId(): Promise<number> {
  const [row] = await ctx.db
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  return row?.id ?? 0;
}

/** Every signed-in caller refused (403 or 404) left denial rows, all in the one shape. */
async function expectDenialsAudited(
  fixture: Fixture,
  route: RouteCase,
  answers: Record<string, number>,
  auditedBefore: number,
) {
  const rows = await ctx.db
    .select()
    .from(schema.auditLog)
    .where(and(gt(schema.auditLog.id, auditedBefore), eq(schema.auditLog.action, "denied")));
  for (const role of ["uninvolved", "expired", "revoked", "partner", "owner"] as const) {
    const own = rows.filter((row) => row.userId === fixture.sessions[role].user.id);
    const refused = answers[role] === 403 || answers[role] === 404;
    expect(own.length > 0, `${role} denial audited`).toBe(refused);
    for (const row of own) {
      const { reason, ...where } = row.detail ?? {};
      expect(where).toEqual({
        route: expect.stringMatching(/^\/api\//),
        method: route.method,
        status: answers[role],
      });
      if (reason !== undefined) expect(ERROR_REASONS).toContain(reason);
    }
  }
}

/** The denial rows of one person written after `auditedBefore`. */
function denialsSince(auditedBefore: number, userId: string) {
  return ctx.db
    .select()
    .from(schema.auditLog)
    .where(
      and(
        gt(schema.auditLog.id, auditedBefore),
        eq(schema.auditLog.userId, userId),
        eq(schema.auditLog.action, "denied"),
      ),
    );
}

/** One request, sent with a person's session or without any. */
function sender(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body: unknown) {
  return (session: Session | null) => {
    const options = {
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
    };
    return session ? session.request(options) : ctx.app.inject(options);
  };
}

/**
 * A group's route to people outside it: 401 without a session; for each outsider a 404
 * shaped like a missing record and one denial row naming the method.
 */
async function expectRefusedLikeMissing(
  name: string,
  method: string,
  send: (
    session: Session | null,
  ) => Promise<{ statusCode: number; json(): { error: { code: string } } }>,
  outsiders: readonly { session: Session; user: { id: string } }[],
) {
  const auditedBefore = await lastAuditId();
  expect((await send(null)).statusCode).toBe(401);
  for (const outsider of outsiders) {
    const answer = await send(outsider.session);
    expect([name, answer.statusCode]).toEqual([name, 404]);
    expect(answer.json().error.code).toBe("not_found");
    const denials = await denialsSince(auditedBefore, outsider.user.id);
    expect(denials).toHaveLength(1);
    expect(denials[0]?.detail).toMatchObject({ method, status: 404 });
  }
}

function expected(route: RouteCase, role: Role): number {
  if (role === "anonymous") return 401;
  if (role === "owner") return route.owner;
  if (role === "partner") return route.partner;
  return 404;
}

describe("authorization matrix", () => {
  for (const route of ROUTES) {
    it(`${route.name}: ${route.method} answers each caller as the access rule says`, async () => {
      const fixture = await buildFixture();
      const payload = route.body?.(fixture);
      const answers: Record<string, number> = {};
      const auditedBefore = await lastAuditId();
      // Refusals first, the owner last: a refused call must change nothing the owner then relies on.
      for (const role of [
        "anonymous",
        "uninvolved",
        "expired",
        "revoked",
        "partner",
        "owner",
      ] as Role[]) {
        const response =
          role === "anonymous"
            ? await ctx.app.inject({
                method: route.method,
                url: route.url(fixture),
                ...(payload === undefined ? {} : { payload: payload as object }),
              })
            : await fixture.sessions[role].request({
                method: route.method,
                url: route.url(fixture),
                ...(payload === undefined ? {} : { payload: payload as object }),
              });
        answers[role] = response.statusCode;
        if (response.statusCode === 404) {
          // Indistinguishable from a record that does not exist.
          expect(response.json().error.code).toBe("not_found");
          expect(JSON.stringify(response.json())).not.toContain(fixture.caseId);
        }
      }
      expect(answers).toEqual(
        Object.fromEntries(ROLES.map((role) => [role, expected(route, role)])),
      );
      await expectDenialsAudited(fixture, route, answers, auditedBefore);
    });
  }

  it("answers an unknown case id exactly like a case the caller may not see", async () => {
    const fixture = await buildFixture();
    const hidden = await fixture.sessions.uninvolved.get(`/api/cases/${fixture.caseId}`);
    const missing = await fixture.sessions.uninvolved.get(`/api/cases/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it("lists a case only for agencies that may see it", async () => {
    const fixture = await buildFixture();
    for (const role of ["owner", "partner", "revoked", "expired", "uninvolved"] as const) {
      const ids = (await fixture.sessions[role].get("/api/cases"))
        .json()
        .cases.map((c: { id: string }) => c.id);
      expect(ids.includes(fixture.caseId), role).toBe(role === "owner" || role === "partner");
    }
  });
});

/**
 * Routes of the steering group, which no case or agency opens: a named member is served,
 * everyone else (a platform admin, a coordinator, a member of any agency) is answered like
 * a missing record, and each refusal is audited.
 */
interface GroupRouteCase {
  name: string;
  method: "GET" | "POST";
  url(version: number): string;
  body?(version: number): unknown;
  member: number;
}

const STEERING_GROUP_ROUTES: GroupRouteCase[] = [
  { name: "read action plan", method: "GET", url: () => "/api/action-plan", member: 200 },
  { name: "action plan draft", method: "GET", url: () => "/api/action-plan/draft", member: 200 },
  {
    name: "read action plan version",
    method: "GET",
    url: (version) => `/api/action-plan/versions/${version}`,
    member: 200,
  },
  {
    name: "action plan version as Markdown",
    method: "GET",
    url: (version) => `/api/action-plan/versions/${version}.md`,
    member: 200,
  },
  {
    name: "action plan version as PDF",
    method: "GET",
    url: (version) => `/api/action-plan/versions/${version}.pdf`,
    member: 200,
  },
  {
    name: "save action plan version",
    method: "POST",
    url: () => "/api/action-plan/versions",
    body: (version) => ({ baseVersion: version, title: "Handlungskonzept", body: "Text" }),
    member: 201,
  },
];

describe("authorization matrix of the steering group's routes", () => {
  for (const route of STEERING_GROUP_ROUTES) {
    it(`${route.name}: ${route.method} serves members only`, async () => {
      const [member, admin, coordinator, other] = await Promise.all([
        buildMember(ctx),
        buildMember(ctx, { role: "platform_admin" }),
        buildMember(ctx, { role: "coordinator" }),
        buildMember(ctx),
      ]);
      await ctx.db.insert(schema.steeringGroupMembers).values({ userId: member.user.id });
      const latest = (await member.session.get("/api/action-plan")).json().current?.version ?? 0;
      const saved = await member.session.post("/api/action-plan/versions", {
        baseVersion: latest,
        title: "Handlungskonzept",
        body: "Erste Fassung",
      });
      const version = saved.json().version as number;
      const send = sender(route.method, route.url(version), route.body?.(version));
      await expectRefusedLikeMissing(route.name, route.method, send, [admin, coordinator, other]);
      // Members last: a refused call must change nothing the member then relies on.
      expect((await send(member.session)).statusCode).toBe(route.member);
    });
  }
});

/**
 * Routes of the Kreis as a whole (not of one case): read by everyone signed in,
 * changed by the platform admin only. Each refusal is audited like any other.
 */
interface KreisRouteCase {
  name: string;
  method: "GET" | "POST" | "PATCH";
  url: string;
  body?(): unknown;
  /** Expected status for a member, a coordinator and the platform admin. */
  member: number;
  coordinator: number;
  admin: number;
}

const KREIS_ROUTES: KreisRouteCase[] = [
  {
    name: "read theme catalogue",
    method: "GET",
    url: "/api/themes",
    member: 200,
    coordinator: 200,
    admin: 200,
  },
  {
    name: "add theme",
    method: "POST",
    url: "/api/admin/themes",
    body: () => ({ labelDe: `Matrix ${crypto.randomUUID().slice(0, 8)}` }),
    member: 403,
    coordinator: 403,
    admin: 201,
  },
  {
    name: "change theme",
    method: "PATCH",
    url: "/api/admin/themes/mobility",
    body: () => ({ active: true }),
    member: 403,
    coordinator: 403,
    admin: 200,
  },
];

describe("authorization matrix of the Kreis's administration", () => {
  for (const route of KREIS_ROUTES) {
    it(`${route.name}: ${route.method} answers each caller as the access rule says`, async () => {
      const callers = {
        member: await buildMember(ctx),
        coordinator: await buildMember(ctx, { role: "coordinator" }),
        admin: await buildMember(ctx, { role: "platform_admin" }),
      };
      const auditedBefore = await lastAuditId();
      const anonymous = await ctx.app.inject({
        method: route.method,
        url: route.url,
        ...(route.body ? { payload: route.body() as object } : {}),
      });
      expect(anonymous.statusCode).toBe(401);
      for (const role of ["member", "coordinator", "admin"] as const) {
        const response = await callers[role].session.request({
          method: route.method,
          url: route.url,
          ...(route.body ? { payload: route.body() as object } : {}),
        });
        expect(response.statusCode, `${role}: ${response.body}`).toBe(route[role]);
        const denials = await denialsSince(auditedBefore, callers[role].user.id);
        expect(denials.length > 0, `${role} denial audited`).toBe(route[role] === 403);
      }
    });
  }
});

/**
 * Routes of a working group: its members are served; the steering group, which founds
 * and staffs it, is served where that is its part and otherwise answered like everyone
 * else (a platform admin, a coordinator, a member of another agency): like a missing
 * record, each refusal audited.
 */
interface WorkingGroupFixture {
  groupId: string;
  topicId: string;
  meetingId: string;
  actionId: string;
  newcomerId: string;
  memberAgencyId: string;
}

interface WorkingGroupRouteCase {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url(f: WorkingGroupFixture): string;
  body?(f: WorkingGroupFixture): unknown;
  member: number;
  steering: number;
}

const WORKING_GROUP_ROUTES: WorkingGroupRouteCase[] = [
  {
    name: "read group",
    method: "GET",
    url: (f) => `/api/working-groups/${f.groupId}`,
    member: 200,
    steering: 200,
  },
  {
    name: "name member",
    method: "POST",
    url: (f) => `/api/working-groups/${f.groupId}/members`,
    body: (f) => ({ userId: f.newcomerId }),
    member: 404,
    steering: 201,
  },
  {
    name: "give topic",
    method: "POST",
    url: (f) => `/api/working-groups/${f.groupId}/topics`,
    body: (f) => ({ topicId: f.topicId }),
    member: 404,
    steering: 201,
  },
  {
    name: "topic progress",
    method: "PUT",
    url: (f) => `/api/working-groups/${f.groupId}/topics/${f.topicId}`,
    body: () => ({ progress: "in_progress", result: null }),
    member: 200,
    steering: 404,
  },
  {
    name: "plan meeting",
    method: "POST",
    url: (f) => `/api/working-groups/${f.groupId}/meetings`,
    body: () => ({ title: "Treffen", startsAt: new Date().toISOString() }),
    member: 201,
    steering: 404,
  },
  {
    name: "read meeting",
    method: "GET",
    url: (f) => `/api/working-group-meetings/${f.meetingId}`,
    member: 200,
    steering: 404,
  },
  {
    name: "give systemic action",
    method: "POST",
    url: (f) => `/api/working-groups/${f.groupId}/actions`,
    body: (f) => ({ text: "Rufbus anfragen", ownerAgencyId: f.memberAgencyId }),
    member: 201,
    steering: 404,
  },
  {
    name: "set systemic action status",
    method: "PUT",
    url: (f) => `/api/systemic-actions/${f.actionId}/status`,
    body: () => ({ status: "in_progress" }),
    member: 200,
    steering: 404,
  },
  {
    name: "remove member",
    method: "DELETE",
    url: (f) => `/api/working-groups/${f.groupId}/members/${f.newcomerId}`,
    member: 404,
    steering: 200,
  },
];

describe("authorization matrix of a working group's routes", () => {
  for (const route of WORKING_GROUP_ROUTES) {
    it(`${route.name}: ${route.method} serves the group's members and the steering group's part`, async () => {
      const [member, steering, admin, coordinator, other, newcomer] = await Promise.all([
        buildMember(ctx),
        buildMember(ctx),
        buildMember(ctx, { role: "platform_admin" }),
        buildMember(ctx, { role: "coordinator" }),
        buildMember(ctx),
        buildMember(ctx),
      ]);
      await ctx.db.insert(schema.steeringGroupMembers).values({ userId: steering.user.id });
      const groupId = (
        await steering.session.post("/api/working-groups", { name: "AG Matrix" })
      ).json().id as string;
      await steering.session.post(`/api/working-groups/${groupId}/members`, {
        userId: member.user.id,
      });
      await steering.session.post(`/api/working-groups/${groupId}/members`, {
        userId: newcomer.user.id,
      });
      const topicId = (
        await steering.session.post("/api/steering/topics", { title: "Rufbus", theme: "mobility" })
      ).json().id as string;
      await steering.session.post(`/api/working-groups/${groupId}/topics`, { topicId });
      const meetingId = (
        await member.session.post(`/api/working-groups/${groupId}/meetings`, {
          title: "Auftakt",
          startsAt: new Date().toISOString(),
        })
      ).json().id as string;
      const actionId = (
        await member.session.post(`/api/working-groups/${groupId}/actions`, {
          text: "Fahrplan prüfen",
          ownerAgencyId: member.agency.id,
        })
      ).json().id as string;
      const fixture = {
        groupId,
        topicId,
        meetingId,
        actionId,
        newcomerId: newcomer.user.id,
        memberAgencyId: member.agency.id,
      };
      const send = sender(route.method, route.url(fixture), route.body?.(fixture));
      await expectRefusedLikeMissing(route.name, route.method, send, [admin, coordinator, other]);
      expect((await send(steering.session)).statusCode).toBe(route.steering);
      expect((await send(member.session)).statusCode).toBe(route.member);
    });
  }
});
