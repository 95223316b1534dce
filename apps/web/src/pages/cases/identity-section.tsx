import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";

/**
 * Who is behind the case code. Loaded only when asked for, because every look is
 * recorded in the audit trail; hidden again by a second click.
 */
export function IdentitySection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const show = useMutation({ mutationFn: () => api.identity(caseId) });
  const missing = show.error instanceof ApiError && show.error.code === "not_found";
  return (
    <section aria-labelledby="identity-heading" className="panel panel-identity">
      <h2 id="identity-heading">{t("identity.title")}</h2>
      <p className="muted">{t("identity.explain")}</p>
      {show.data ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t("identity.name")}</dt>
              <dd>{show.data.identity.name}</dd>
            </div>
            <div>
              <dt>{t("identity.dateOfBirth")}</dt>
              <dd>{formatDay(show.data.identity.dateOfBirth) || "–"}</dd>
            </div>
            <div>
              <dt>{t("identity.fileNumber")}</dt>
              <dd>{show.data.identity.fileNumber ?? "–"}</dd>
            </div>
            <div>
              <dt>{t("identity.note")}</dt>
              <dd>{show.data.identity.note ?? "–"}</dd>
            </div>
          </dl>
          <button type="button" className="button" onClick={() => show.reset()}>
            {t("identity.hide")}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          disabled={show.isPending}
          onClick={() => show.mutate()}
        >
          {t("identity.show")}
        </button>
      )}
      {missing ? <p>{t("identity.none")}</p> : <ErrorMessage error={show.error} />}
    </section>
  );
}
