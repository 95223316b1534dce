import { type ActionEntry, updateAction } from "@runder-tisch/conference-doc";
import { type TAgencyRef, ZUpdateActionRequest } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { ActionFields } from "../../actions/action-fields.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { guardRoomFields, roomTextGuard } from "./room-text-guard.ts";

/**
 * Corrects an action agreed in this conference, in the shared document: everyone in the
 * room sees the change at once, and the server takes it into the action (and the
 * responsible agency's inbox) under the rights of whoever made it.
 */
export function RoomActionEditForm({
  doc,
  by,
  entry,
  agencies,
  onDone,
}: {
  doc: Y.Doc;
  by: string;
  entry: ActionEntry;
  agencies: TAgencyRef[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: ZUpdateActionRequest,
    initial: {
      title: entry.title,
      responsibleAgencyId: entry.responsibleAgencyId,
      dueDate: entry.dueDate ?? "",
    },
    toInput: (draft) => {
      const dueDate = draft.dueDate === "" ? null : draft.dueDate;
      const changes = {
        ...(draft.title !== entry.title ? { title: draft.title } : {}),
        ...(draft.responsibleAgencyId !== entry.responsibleAgencyId
          ? { responsibleAgencyId: draft.responsibleAgencyId, responsiblePersonId: null }
          : {}),
        ...(dueDate !== entry.dueDate ? { dueDate } : {}),
      };
      return Object.keys(changes).length > 0 ? changes : null;
    },
    send: (body) => {
      guardRoomFields(roomTextGuard(doc, by), { title: body.title }, body.notPersonalDataReason);
      updateAction(doc, entry.id, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.responsibleAgencyId !== undefined
          ? { responsibleAgencyId: body.responsibleAgencyId, responsiblePersonId: null }
          : {}),
        ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
      });
    },
    onSaved: onDone,
    onUnchanged: onDone,
  });
  return (
    <form onSubmit={form.submit} className="action-edit-form" noValidate>
      <ActionFields
        form={form}
        agencies={agencies.map((agency) => ({ id: agency.id, label: agency.name }))}
      />
      <FormButtons label={t("actionEdit.save")} tone="plain" form={form} onCancel={onDone} />
    </form>
  );
}
