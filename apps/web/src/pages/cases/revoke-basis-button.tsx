import { type TSharingBasis, ZRevokeRequest } from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { revokeSharingBasis } from "../../api/sharing.ts";
import { Confirm } from "../../forms/confirm.tsx";
import { Field } from "../../forms/field.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** Revoking takes effect at once, so it asks once more and offers a note. */
export function RevokeBasisButton({ caseId, basis }: { caseId: string; basis: TSharingBasis }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useSchemaForm({
    schema: ZRevokeRequest,
    initial: { note: "" },
    toInput: (draft) => (draft.note.trim() ? draft : {}),
    send: (body) => revokeSharingBasis(caseId, basis.id, body),
    onSaved: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
    },
  });
  if (!confirming)
    return (
      <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
        {t("sharing.revoke", { agency: basis.agency.name })}
      </button>
    );
  return (
    <form onSubmit={form.submit} noValidate>
      <Confirm
        title={t("sharing.revokeConfirmLabel")}
        text={t("sharing.revokeConfirm", { agency: basis.agency.name })}
        label={t("sharing.revokeNow")}
        form={form}
        onCancel={() => setConfirming(false)}
      >
        <Field label={t("sharing.revokeNote")} error={form.errors.note}>
          {(props) => <input {...props} {...form.bind("note")} />}
        </Field>
      </Confirm>
    </form>
  );
}
