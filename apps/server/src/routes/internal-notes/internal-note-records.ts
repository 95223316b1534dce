import type { TInternalNote } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, desc, eq, type SQL } from "drizzle-orm";

/**
 * Every read goes through this one condition: the case, and the reading agency's own
 * notes. A note of another agency is therefore indistinguishable from a missing one.
 */
const ownNotes = (caseId: string, agencyId: string, noteId?: string) =>
  and(
    eq(schema.internalNotes.caseId, caseId),
    eq(schema.internalNotes.agencyId, agencyId),
    noteId ? eq(schema.internalNotes.id, noteId) : undefined,
  ) as SQL;

export function findOwnNotes(
  db: Executor,
  reader: { caseId: string; agencyId: string; noteId?: string },
) {
  const notes = schema.internalNotes;
  return db
    .select({
      note: notes,
      agency: { id: schema.agencies.id, name: schema.agencies.name },
      authorId: schema.users.id,
      authorName: schema.users.displayName,
    })
    .from(notes)
    .innerJoin(schema.agencies, eq(schema.agencies.id, notes.agencyId))
    .leftJoin(schema.users, eq(schema.users.id, notes.authorId))
    .where(ownNotes(reader.caseId, reader.agencyId, reader.noteId))
    .orderBy(desc(notes.createdAt), desc(notes.id));
}

export type InternalNoteRecord = Awaited<ReturnType<typeof findOwnNotes>>[number];

export function presentInternalNote(record: InternalNoteRecord): TInternalNote {
  const { note } = record;
  return {
    id: note.id,
    caseId: note.caseId,
    agency: record.agency,
    body: note.body,
    author:
      record.authorId && record.authorName
        ? { id: record.authorId, displayName: record.authorName }
        : null,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

export async function insertNote(
  db: Executor,
  writer: { caseId: string; agencyId: string; userId: string },
  body: string,
): Promise<string> {
  const [created] = await db
    .insert(schema.internalNotes)
    .values({ caseId: writer.caseId, agencyId: writer.agencyId, authorId: writer.userId, body })
    .returning({ id: schema.internalNotes.id });
  if (!created) throw new Error("internal note insert returned nothing");
  return created.id;
}

/** Changes one of the agency's own notes; false when it has no such note. */
export async function updateOwnNote(
  db: Executor,
  owner: { caseId: string; agencyId: string; noteId: string },
  body: string,
): Promise<boolean> {
  const changed = await db
    .update(schema.internalNotes)
    .set({ body, updatedAt: new Date() })
    .where(ownNotes(owner.caseId, owner.agencyId, owner.noteId))
    .returning({ id: schema.internalNotes.id });
  return changed.length > 0;
}

export async function deleteOwnNote(
  db: Executor,
  owner: { caseId: string; agencyId: string; noteId: string },
): Promise<boolean> {
  const deleted = await db
    .delete(schema.internalNotes)
    .where(ownNotes(owner.caseId, owner.agencyId, owner.noteId))
    .returning({ id: schema.internalNotes.id });
  return deleted.length > 0;
}
