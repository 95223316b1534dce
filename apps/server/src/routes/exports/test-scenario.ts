import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { TestContext } from "../../../test/test-app.ts";
import { concludedConference } from "../minutes/test-scenario.ts";

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
  const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
  expect(finalised.statusCode).toBe(201);
  const minutesId: string = finalised.json().minutes.id;
  // The projection writes the document's actions into the table shortly after the change.
  let actions: { id: string }[] = [];
  for (let attempt = 0; attempt < 200 && actions.length < 2; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    actions = await ctx.db
      .select({ id: schema.actions.id })
      .from(schema.actions)
      .where(eq(schema.actions.caseId, caseRow.id));
  }
  expect(actions).toHaveLength(2);
  const actionId = actions[0]?.id ?? "";
  const comment = await abh.session.post(`/api/actions/${actionId}/comments`, {
    body: "Unterlagen angefordert",
  });
  expect(comment.statusCode).toBe(201);
  const commentId: string = comment.json().id;
  await ctx.app.collab.flush();
  await ctx.app.documentStore.compact(conference.id);
  return { ...scenario, minutesId, actionId, commentId };
}
