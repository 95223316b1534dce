import {
  addAgendaItem,
  addDecision,
  addGoal,
  createAction,
  getNotes,
} from "@runder-tisch/conference-doc";
import * as Y from "yjs";
import { agencyWithUser, factories, type TestContext } from "../../../test/test-app.ts";

export type SignedInAgency = Awaited<ReturnType<typeof agencyWithUser>>;

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The composite example of the domain brief: a KIM-owned case shared with the
 * ABH and Caritas, a concluded conference, and a document with notes, agenda,
 * goals, decisions and actions. `notes` replaces the default anonymised text.
 */
export async function concludedConference(ctx: TestContext, options: { notes?: string } = {}) {
  const owner = await agencyWithUser(ctx, { role: "coordinator", kind: "kim_case_management" });
  const member = await factories.createUser(ctx.db, {
    agencyId: owner.agency.id,
    passwordHash: owner.user.passwordHash,
  });
  const abh = await agencyWithUser(ctx, {
    kind: "auslaenderbehoerde",
    name: `ABH ${Math.random().toString(36).slice(2, 7)}`,
  });
  const caritas = await agencyWithUser(ctx, {
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
    addAgendaItem(doc, { kind: "next_review", title: "Wiedervorlage am 14.01.2027" });
    addGoal(doc, "Gesicherter Aufenthalt innerhalb von 18 Monaten");
    addDecision(doc, "ABH prüft § 104c AufenthG; Caritas begleitet den Passtermin");
    createAction(doc, {
      title: "§ 104c-Voraussetzungen prüfen",
      responsibleAgencyId: abh.agency.id,
      responsiblePersonId: null,
      dueDate: inDays(14),
    });
    createAction(doc, {
      title: "Passtermin bei der Botschaft begleiten",
      description: "Übersetzung organisieren",
      responsibleAgencyId: caritas.agency.id,
      responsiblePersonId: null,
      dueDate: inDays(42),
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
