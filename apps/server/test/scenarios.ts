import {
  addAgendaItem,
  addDecision,
  addGoal,
  addObstacle,
  createAction,
  getNotes,
} from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import * as Y from "yjs";
import { buildMember, factories } from "./builders.ts";
import type { TestContext } from "./test-app.ts";
import { dateInDays } from "./time.ts";
import { pollUntil } from "./wait.ts";

/*
 * The larger stories some tests need whole: a concluded conference of the
 * domain brief's example case, and that case after finalising with a row in
 * every table that can hold case data.
 */

/** The Wiedervorlage day the example conference's agenda names: six weeks ahead, always. */
export const REVIEW_DAY = dateInDays(42);

/** `2027-01-14` → `14.01.2027`, as people write it in an agenda. */
export const germanDay = (day: string) => day.split("-").reverse().join(".");

/**
 * The composite example of the domain brief: a KIM-owned case shared with the
 * ABH and Caritas, a concluded conference, and a document with notes, agenda,
 * goals, decisions and actions. `notes` replaces the default anonymised text.
 */
export async function concludedConference(ctx: TestContext, options: { notes?: string } = {}) {
  const owner = await buildMember(ctx, { role: "coordinator", kind: "kim_case_management" });
  const member = await factories.createUser(ctx.db, {
    agencyId: owner.agency.id,
    passwordHash: owner.user.passwordHash,
  });
  const abh = await buildMember(ctx, {
    kind: "auslaenderbehoerde",
    name: `ABH ${Math.random().toString(36).slice(2, 7)}`,
  });
  const caritas = await buildMember(ctx, {
    kind: "migrationsberatung",
    name: `Caritas ${Math.random().toString(36).slice(2, 7)}`,
  });
  const caseRow = await factories.createCase(ctx.db, {
    ownerAgencyId: owner.agency.id,
    themes: ["residence", "mobility"],
  });
  const abhBasis = await factories.grantSharingBasis(ctx.db, {
    caseId: caseRow.id,
    agencyId: abh.agency.id,
    recordedBy: owner.user.id,
    legalBasis: "statute",
  });
  const caritasBasis = await factories.grantSharingBasis(ctx.db, {
    caseId: caseRow.id,
    agencyId: caritas.agency.id,
    recordedBy: owner.user.id,
  });
  const conference = await factories.createConference(
    ctx.db,
    { caseId: caseRow.id, status: "concluded", startedAt: new Date(), concludedAt: new Date() },
    [{ agencyId: abh.agency.id }, { agencyId: caritas.agency.id, role: "observer" }],
  );
  // Written as the owner, as in the room: the projection then copies the actions into the table.
  const writer = { userId: owner.user.id, agencyId: owner.agency.id };
  await writeDocument(ctx, conference.id, writer, (doc) => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [
      new Y.XmlText(options.notes ?? "Der Klient ist seit sieben Jahren im Kreis, Deutsch auf A2."),
    ]);
    getNotes(doc).insert(0, [paragraph]);
    addAgendaItem(doc, { kind: "case_presentation", title: "Fallvorstellung" });
    addAgendaItem(doc, { kind: "next_review", title: `Wiedervorlage am ${germanDay(REVIEW_DAY)}` });
    addGoal(doc, "Gesicherter Aufenthalt innerhalb von 18 Monaten");
    addDecision(doc, "ABH prüft § 104c AufenthG; Caritas begleitet den Passtermin");
    createAction(doc, {
      title: "§ 104c-Voraussetzungen prüfen",
      responsibleAgencyId: abh.agency.id,
      responsiblePersonId: null,
      dueDate: dateInDays(14),
    });
    createAction(doc, {
      title: "Passtermin bei der Botschaft begleiten",
      description: "Übersetzung organisieren",
      responsibleAgencyId: caritas.agency.id,
      responsiblePersonId: null,
      dueDate: dateInDays(42),
    });
  });
  return { owner, member, abh, caritas, caseRow, conference, abhBasis, caritasBasis };
}

export async function writeDocument(
  ctx: TestContext,
  conferenceId: string,
  writer: { userId: string; agencyId: string },
  change: (doc: Y.Doc) => void,
) {
  await ctx.app.collab.transact(conferenceId, change, writer);
  await ctx.app.collab.flush();
}

/**
 * A case like RT-2026-0007 after its first conference, with a row in every
 * table that can hold case data: identity, bases, a secrecy release, a finalised
 * conference with its document (updates and a snapshot), minutes, actions with
 * comments and history, a dispute mark and audit entries.
 */
export async function demoLikeCase(ctx: TestContext) {
  const scenario = await concludedConference(ctx);
  const { owner, abh, caritas, caseRow, conference } = scenario;
  const identity = await owner.session.put(`/api/cases/${caseRow.id}/identity`, {
    name: "Mamadou Camara",
    dateOfBirth: "1999-04-03",
    fileNumber: "ABH-2019-4711",
  });
  expect(identity.statusCode).toBe(200);
  const release = await owner.session.post(`/api/cases/${caseRow.id}/secrecy-releases`, {
    agencyId: caritas.agency.id,
    form: "written",
    givenOn: "2026-02-01",
    scope: "Passbeschaffung",
  });
  expect(release.statusCode).toBe(201);
  const attended = await abh.session.put(`/api/conferences/${conference.id}/attendance/me`, {
    kind: "present",
    confidentialityConfirmed: true,
  });
  expect(attended.statusCode).toBe(200);
  // An obstacle of the case, so its finalised minutes fill the obstacle table too.
  await writeDocument(
    ctx,
    conference.id,
    { userId: owner.user.id, agencyId: owner.agency.id },
    (doc) => addObstacle(doc, { theme: "mobility", description: "Kein Bus zum Abendkurs" }),
  );
  const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
  expect(finalised.statusCode).toBe(201);
  const minutesId: string = finalised.json().minutes.id;
  // The projection writes the document's actions into the table shortly after the change.
  const actions = await pollUntil(
    () =>
      ctx.db
        .select({ id: schema.actions.id })
        .from(schema.actions)
        .where(eq(schema.actions.caseId, caseRow.id)),
    (rows) => rows.length >= 2,
    4_000,
  );
  expect(actions).toHaveLength(2);
  const actionId = actions[0]?.id ?? "";
  const comment = await abh.session.post(`/api/actions/${actionId}/comments`, {
    body: "Unterlagen angefordert",
  });
  expect(comment.statusCode).toBe(201);
  const commentId: string = comment.json().id;
  // A colleague's name is flagged like any name; the ABH publishes it with a reason.
  const named = await abh.session.post(`/api/actions/${actionId}/comments`, {
    body: "Frau Becker vom Jobcenter hat den Termin bestätigt",
    notPersonalDataReason: "Frau Becker ist die Sachbearbeiterin im Jobcenter",
  });
  expect(named.statusCode).toBe(201);
  // The Wiedervorlage planned with the minutes reviews what the first conference agreed.
  const followUpId: string = finalised.json().followUpConferenceId;
  const review = await owner.session.put(
    `/api/conferences/${followUpId}/action-reviews/${actionId}`,
    { outcome: "in_progress", newDueDate: dateInDays(60), note: "Termin vereinbart" },
  );
  expect(review.statusCode).toBe(200);
  const beratung = await factories.createAgency(ctx.db, { kind: "migrationsberatung" });
  const referral = await owner.session.post(`/api/cases/${caseRow.id}/referrals`, {
    kind: "share",
    agencyId: beratung.id,
    basis: {
      purpose: "Migrationsberatung",
      categories: ["general"],
      legalBasis: { kind: "statute", norm: "§ 69 Abs. 1 Nr. 1 SGB X" },
    },
    message: "Bitte um Übernahme der Migrationsberatung",
  });
  expect(referral.statusCode).toBe(201);
  const note = await owner.session.post(`/api/cases/${caseRow.id}/internal-notes`, {
    body: "Rückruf bei der Schule vereinbart",
  });
  expect(note.statusCode).toBe(201);
  // The ABH checks § 104c: a pathway checklist with a status and its history.
  const pathways = `/api/cases/${caseRow.id}/pathways`;
  const started = await abh.session.post(pathways, { pathwayKey: "aufenthg-104c" });
  expect(started.statusCode).toBe(201);
  const checked = await abh.session.put(
    `${pathways}/${started.json().id}/prerequisites/bekenntnis-fdgo`,
    { status: "met" },
  );
  expect(checked.statusCode).toBe(200);
  await ctx.app.collab.flush();
  await ctx.app.documentStore.compact(conference.id);
  const internalNoteId: string = note.json().id;
  const pathwayChecklistId: string = started.json().id;
  return {
    ...scenario,
    minutesId,
    actionId,
    commentId,
    followUpId,
    internalNoteId,
    pathwayChecklistId,
  };
}
