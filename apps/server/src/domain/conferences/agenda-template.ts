import {
  CONFERENCE_AGENDA_TEMPLATE,
  type TAgendaTemplate,
  type TAgendaTemplateResponse,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc } from "drizzle-orm";

type TemplateEntry = TAgendaTemplate["items"][number];

/** The Fallkonferenz agenda of the domain brief, used until a Kreis arranges its own. */
export const DEFAULT_AGENDA: TemplateEntry[] = CONFERENCE_AGENDA_TEMPLATE.map((kind) => ({ kind }));

/** The agenda a new conference starts with: the Kreis's own, or the default. */
export async function loadAgendaTemplate(db: Executor): Promise<TAgendaTemplateResponse> {
  const rows = await db
    .select({ kind: schema.agendaTemplateItems.kind, title: schema.agendaTemplateItems.title })
    .from(schema.agendaTemplateItems)
    .orderBy(asc(schema.agendaTemplateItems.position));
  if (rows.length === 0) return { items: DEFAULT_AGENDA, isDefault: true };
  return {
    items: rows.map(
      (row): TemplateEntry => (row.kind ? { kind: row.kind } : { title: row.title ?? "" }),
    ),
    isDefault: false,
  };
}

/** Replaces the template as a whole; conferences already planned keep their agenda. */
export async function saveAgendaTemplate(
  tx: Executor,
  userId: string,
  template: TAgendaTemplate,
): Promise<void> {
  await tx.delete(schema.agendaTemplateItems);
  await tx.insert(schema.agendaTemplateItems).values(
    template.items.map((item, position) => ({
      position,
      kind: "kind" in item ? item.kind : null,
      title: "title" in item ? item.title : null,
      updatedBy: userId,
    })),
  );
}

/** Back to the Fallkonferenz template. */
export async function resetAgendaTemplate(tx: Executor): Promise<void> {
  await tx.delete(schema.agendaTemplateItems);
}

/** The template's entries as rows of a new conference's planned agenda. */
export function agendaRowsFor(conferenceId: string, items: readonly TemplateEntry[]) {
  return items.map((item, position) => ({
    conferenceId,
    position,
    kind: "kind" in item ? item.kind : null,
    title: "title" in item ? item.title : null,
  }));
}
