import type { TSharingBasis } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";

/** Revoking takes effect at once, so it asks once more and offers a note. */
export function RevokeBasisButton({ caseId, basis }: { caseId: string; basis: TSharingBasis }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const revoke = useMutation({
    mutationFn: () =>
      api.revokeSharingBasis(caseId, basis.id, note.trim() ? { note: note.trim() } : {}),
    onSuccess: () => {
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
    <fieldset className="confirm">
      <legend>{t("sharing.revokeConfirmLabel")}</legend>
      <p>{t("sharing.revokeConfirm", { agency: basis.agency.name })}</p>
      <Field label={t("sharing.revokeNote")}>
        {(props) => (
          <input {...props} value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      <ErrorMessage error={revoke.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
        >
          {t("sharing.revokeNow")}
        </button>
        <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </fieldset>
  );
}
