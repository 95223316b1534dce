import type {
  TActionPlan,
  TActionPlanVersion,
  TActionPlanVersionSummary,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { desc, eq, max } from "drizzle-orm";
import { conflict, notFound } from "../../errors.ts";

const versions = schema.actionPlanVersions;

const summaryColumns = {
  version: versions.version,
  title: versions.title,
  note: versions.note,
  savedAt: versions.savedAt,
  saver: { id: schema.users.id, displayName: schema.users.displayName },
};

type SummaryRow = {
  version: number;
  title: string;
  note: string;
  savedAt: Date;
  saver: { id: string; displayName: string } | null;
};

const presentSummary = (row: SummaryRow): TActionPlanVersionSummary => ({
  version: row.version,
  title: row.title,
  note: row.note,
  savedBy: row.saver?.id ? row.saver : null,
  savedAt: row.savedAt.toISOString(),
});

/** The newest version with its text, and the list of all versions, newest first. */
export async function readActionPlan(db: Executor): Promise<TActionPlan> {
  const rows = await db
    .select(summaryColumns)
    .from(versions)
    .leftJoin(schema.users, eq(schema.users.id, versions.savedBy))
    .orderBy(desc(versions.version));
  const newest = rows[0];
  return {
    current: newest ? await findActionPlanVersion(db, newest.version) : null,
    versions: rows.map(presentSummary),
  };
}

/** One version; a number never saved is answered like every refusal of the group's routes. */
export async function findActionPlanVersion(
  db: Executor,
  version: number,
): Promise<TActionPlanVersion> {
  const [row] = await db
    .select({ ...summaryColumns, body: versions.body })
    .from(versions)
    .leftJoin(schema.users, eq(schema.users.id, versions.savedBy))
    .where(eq(versions.version, version));
  if (!row) throw notFound("Resource");
  return { ...presentSummary(row), body: row.body };
}

export interface SaveActionPlanInput {
  baseVersion: number;
  title: string;
  body: string;
  note: string;
}

/**
 * Saves the next version, only if the editor started from the newest one; otherwise the
 * answer names the newest so the editor can load it. Two saves from the same version in
 * the same moment both pass the check, and the version number as primary key lets only
 * one of them in; the other is answered with the same conflict.
 */
export async function saveActionPlanVersion(
  db: Executor,
  input: SaveActionPlanInput,
  userId: string,
): Promise<number> {
  const latest = await latestVersion(db);
  if (input.baseVersion !== latest) throw versionConflict(latest);
  const version = latest + 1;
  const [row] = await db
    .insert(versions)
    .values({ version, title: input.title, body: input.body, note: input.note, savedBy: userId })
    .onConflictDoNothing()
    .returning({ version: versions.version });
  if (!row) throw versionConflict(await latestVersion(db));
  return row.version;
}

async function latestVersion(db: Executor): Promise<number> {
  const [row] = await db.select({ latest: max(versions.version) }).from(versions);
  return row?.latest ?? 0;
}

const versionConflict = (latest: number) =>
  conflict("version_conflict", "A newer version was saved meanwhile", { latestVersion: latest });
