import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchMailStatus } from "../../api/mail-status.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";

/** Whether mail goes out, and how the outbox stands: figures only, no addresses. */
export function MailStatus() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: queryKeys.mailStatus, queryFn: fetchMailStatus });
  const data = status.data;
  return (
    <section aria-labelledby="mail-status-heading" className="panel">
      <h2 id="mail-status-heading">{t("mailStatus.title")}</h2>
      {data ? (
        <>
          <p className={data.smtpConfigured ? undefined : "notice"}>
            {data.smtpConfigured ? t("mailStatus.on") : t("mailStatus.off")}
          </p>
          <dl>
            <dt>{t("mailStatus.waiting")}</dt>
            <dd>{data.waiting}</dd>
            <dt>{t("mailStatus.failed")}</dt>
            <dd>{data.failed}</dd>
            <dt>{t("mailStatus.sent")}</dt>
            <dd>{data.sentLastDay}</dd>
            {data.lastError ? (
              <>
                <dt>{t("mailStatus.lastError")}</dt>
                <dd>
                  <code>{data.lastError}</code>
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      <ErrorMessage error={status.error} />
    </section>
  );
}
