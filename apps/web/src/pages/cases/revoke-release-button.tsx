import type { TSecrecyRelease } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { revokeSecrecyRelease } from "../../api/sharing.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { Confirm } from "../../forms/confirm.tsx";

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
    mutationFn: () => revokeSecrecyRelease(caseId, release.id),
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
    <Confirm
      title={t("secrecy.revokeConfirmLabel")}
      text={t("secrecy.revokeConfirm", { agency: release.agency.name })}
      label={t("secrecy.revokeNow")}
      pending={revoke.isPending}
      problem={revoke.error}
      onConfirm={() => revoke.mutate()}
      onCancel={confirming.hide}
    />
  );
}
