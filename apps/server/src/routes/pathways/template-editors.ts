import type { TPathwayTemplateEditorListResponse } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { fieldRefused } from "../../errors.ts";

const editors = schema.pathwayTemplateEditors;

export async function isNamedTemplateEditor(db: Executor, agencyId: string): Promise<boolean> {
  const [row] = await db
    .select({ agencyId: editors.agencyId })
    .from(editors)
    .where(eq(editors.agencyId, agencyId));
  return row !== undefined;
}

export async function listTemplateEditors(
  db: Executor,
): Promise<TPathwayTemplateEditorListResponse> {
  const namer = alias(schema.agencies, "namer");
  const rows = await db
    .select({
      agency: { id: schema.agencies.id, name: schema.agencies.name },
      namedBy: { id: namer.id, name: namer.name },
      createdAt: editors.createdAt,
    })
    .from(editors)
    .innerJoin(schema.agencies, eq(schema.agencies.id, editors.agencyId))
    .innerJoin(namer, eq(namer.id, editors.namedByAgencyId))
    .orderBy(asc(schema.agencies.name));
  return {
    editors: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

/** Names an agency whose coordinators may then edit templates; naming it again is harmless. */
export async function nameTemplateEditor(
  tx: Executor,
  agencyId: string,
  by: { userId: string; agencyId: string },
): Promise<void> {
  const [agency] = await tx
    .select({ id: schema.agencies.id })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, agencyId));
  if (!agency) throw fieldRefused("agencyId", "agency_unknown", "No such agency");
  await tx
    .insert(editors)
    .values({ agencyId, namedBy: by.userId, namedByAgencyId: by.agencyId })
    .onConflictDoNothing();
}

export async function removeTemplateEditor(tx: Executor, agencyId: string): Promise<boolean> {
  const removed = await tx
    .delete(editors)
    .where(eq(editors.agencyId, agencyId))
    .returning({ agencyId: editors.agencyId });
  return removed.length > 0;
}
