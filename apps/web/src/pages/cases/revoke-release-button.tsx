import type { TSecrecyRelease } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";

/** A revocation takes effect at once, so it asks once more. */
export function RevokeReleaseButton({
  caseId,
  release,
  onRevoked,
}: {
  caseId: string;
  release: TSecrecyRelease;
  onRevoked(agencyName: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirming = useDisclosure();
  const revoke = useMutation({
    mutationFn: () => api.revokeSecrecyRelease(caseId, release.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
      onRevoked(release.agency.name);
    },
  });
  if (!confirming.open)
    return (
      <button
        type="button"
        className="button-danger"
        ref={confirming.trigger}
        onClick={confirming.show}
      >
        {t("secrecy.revoke", { agency: release.agency.name })}
      </button>
    );
  return (
    <fieldset className="confirm">
      <legend>{t("secrecy.revokeConfirmLabel")}</legend>
      <p>{t("secrecy.revokeConfirm", { agency: release.agency.name })}</p>
      <ErrorMessage error={revoke.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
        >
          {t("secrecy.revokeNow")}
        </button>
        <button type="button" className="button-quiet" onClick={confirming.hide}>
          {t("common.cancel")}
        </button>
      </div>
    </fieldset>
  );
}
