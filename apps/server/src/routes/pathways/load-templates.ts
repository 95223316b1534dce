import type { TPathwayTemplate } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { desc, eq } from "drizzle-orm";

const template = schema.pathwayTemplates;

/** The newest version of every pathway template, in the order of their norms. */
export async function loadLatestTemplates(db: Executor): Promise<TPathwayTemplate[]> {
  const rows = await db
    .selectDistinctOn([template.pathwayKey], {
      template,
      createdBy: { id: schema.users.id, displayName: schema.users.displayName },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
    })
    .from(template)
    .leftJoin(schema.users, eq(schema.users.id, template.createdBy))
    .leftJoin(schema.agencies, eq(schema.agencies.id, template.agencyId))
    .orderBy(template.pathwayKey, desc(template.version));
  return rows.map(({ template: row, createdBy, agency }) => ({
    id: row.id,
    pathwayKey: row.pathwayKey,
    version: row.version,
    norm: row.norm,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    prerequisites: row.prerequisites.map((item) => ({
      ...item,
      hintDe: item.hintDe ?? null,
      hintEn: item.hintEn ?? null,
    })),
    createdBy,
    agency,
    createdAt: row.createdAt.toISOString(),
  }));
}
