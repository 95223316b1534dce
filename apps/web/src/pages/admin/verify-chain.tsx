import type { TAuditVerifyResponse } from "@runder-tisch/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { verifyAudit } from "../../api/audit.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { currentLocale } from "../../i18n/index.ts";

function VerifyResult({ result }: { result: TAuditVerifyResponse }) {
  const { t } = useTranslation();
  const checked = result.checked.toLocaleString(currentLocale());
  if (result.valid) {
    return (
      <p className="verify-ok">
        {t("audit.verifyIntact", { checked })}
        {/* Another server node was chaining entries at that moment; the next check covers them. */}
        {result.pending > 0 ? ` ${t("audit.verifyPending", { count: result.pending })}` : null}
      </p>
    );
  }
  return (
    <div className="verify-broken">
      <p>
        {result.firstBrokenId === null
          ? t("audit.verifyBroken")
          : t("audit.verifyBrokenAt", { id: result.firstBrokenId })}
      </p>
      <p>{t("audit.verifyBrokenWhatNow")}</p>
    </div>
  );
}

/** Recomputes the audit trail's hash chain on the server: shows whether entries were edited. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAudit });
  return (
    <section aria-labelledby="verify-heading" className="panel">
      <h2 id="verify-heading">{t("audit.verifyTitle")}</h2>
      <p className="muted">{t("audit.verifyExplain")}</p>
      <button
        type="button"
        className="button"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {t("audit.verify")}
      </button>
      <div role="status" className="verify-result">
        {verify.isPending ? <p>{t("audit.verifying")}</p> : null}
        {verify.data ? <VerifyResult result={verify.data} /> : null}
      </div>
      <ErrorMessage error={verify.error} />
    </section>
  );
}
