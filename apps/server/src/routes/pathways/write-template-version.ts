import type { TPathwayPrerequisite } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { desc, eq } from "drizzle-orm";
import { fieldRefused, notFound } from "../../errors.ts";

/**
 * Adds the next version of a template. Checklists already started keep the version
 * they began with; only checklists started from now on use the new wording.
 */
export async function writeTemplateVersion(
  tx: Executor,
  pathwayKey: string,
  body: { norm: string; titleDe: string; titleEn: string; prerequisites: TPathwayPrerequisite[] },
  author: { userId: string; agencyId: string },
): Promise<{ id: string; version: number }> {
  const keys = body.prerequisites.map((item) => item.key);
  const twice = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (twice >= 0) {
    throw fieldRefused(`prerequisites/${twice}/key`, "listed_twice", "A key is listed twice");
  }
  const [latest] = await tx
    .select({ version: schema.pathwayTemplates.version })
    .from(schema.pathwayTemplates)
    .where(eq(schema.pathwayTemplates.pathwayKey, pathwayKey))
    .orderBy(desc(schema.pathwayTemplates.version))
    .limit(1)
    .for("update");
  if (!latest) throw notFound("Pathway template");
  const [row] = await tx
    .insert(schema.pathwayTemplates)
    .values({
      pathwayKey,
      version: latest.version + 1,
      norm: body.norm,
      titleDe: body.titleDe,
      titleEn: body.titleEn,
      prerequisites: body.prerequisites.map(({ hintDe, hintEn, ...item }) => ({
        ...item,
        ...(hintDe ? { hintDe } : {}),
        ...(hintEn ? { hintEn } : {}),
      })),
      createdBy: author.userId,
      agencyId: author.agencyId,
    })
    .returning({ id: schema.pathwayTemplates.id, version: schema.pathwayTemplates.version });
  if (!row) throw new Error("template insert returned nothing");
  return row;
}
