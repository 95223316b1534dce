import { schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

// A file (and database) of its own: once the chain is broken it stays broken for everyone after.
const ctx = useTestApp();

it("finds an entry edited behind the trigger's back", async () => {
  const admin = await buildMember(ctx, { role: "platform_admin" });
  const coordinator = await buildMember(ctx, { role: "coordinator" });
  const created = (await coordinator.session.post("/api/cases", {})).json();
  await coordinator.session.get(`/api/cases/${created.id}`);
  const [row] = await ctx.db
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.caseId, created.id))
    .orderBy(schema.auditLog.id)
    .limit(1);
  if (!row) throw new Error("no audit entry for the new case");
  expect((await admin.session.get("/api/admin/audit/verify")).json().valid).toBe(true);

  await ctx.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await ctx.db.execute(
      sql`update audit_log set agency_id = ${admin.agency.id}, detail = '{"note":"harmlos"}' where id = ${row.id}`,
    );
  } finally {
    await ctx.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }

  const response = await admin.session.get("/api/admin/audit/verify");
  expect(response.statusCode).toBe(200);
  expect(response.json()).toMatchObject({ valid: false, firstBrokenId: row.id });
  expect(response.json().reason).toEqual(expect.any(String));
});
