import type { TCase, TIdentityRecord } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchIdentity } from "../../api/case-records.ts";
import { ApiError } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { IdentityForm } from "./identity-form.tsx";

function IdentityFacts({ identity }: { identity: TIdentityRecord }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t("identity.name")}</dt>
        <dd>{identity.name}</dd>
      </div>
      <div>
        <dt>{t("identity.dateOfBirth")}</dt>
        <dd>{formatDay(identity.dateOfBirth) || "–"}</dd>
      </div>
      <div>
        <dt>{t("identity.fileNumber")}</dt>
        <dd>{identity.fileNumber ?? "–"}</dd>
      </div>
      <div>
        <dt>{t("identity.note")}</dt>
        <dd>{identity.note ?? "–"}</dd>
      </div>
    </dl>
  );
}

/**
 * Who is behind the case code. Loaded only when asked for, because every look is
 * recorded in the audit trail; hidden again by a second click.
 */
export function IdentitySection({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<TIdentityRecord | null>(null);
  const editing = useDisclosure();
  const status = useStatusMessage();
  // The "show" button gives way to the record; focus moves on to "edit" instead of getting lost.
  const focusEdit = useRef(false);
  const show = useMutation({
    mutationFn: () => fetchIdentity(entry.id),
    onSuccess: (response) => {
      focusEdit.current = true;
      setShown(response.identity);
    },
  });
  useEffect(() => {
    if (shown && focusEdit.current) editing.trigger.current?.focus();
    focusEdit.current = false;
  }, [shown, editing.trigger]);
  const missing =
    entry.access.hasIdentityRecord === false ||
    (show.error instanceof ApiError && show.error.code === "not_found");
  return (
    <section aria-labelledby="identity-heading" className="panel panel-identity">
      <h2 id="identity-heading">{t("identity.title")}</h2>
      <p className="muted">{t("identity.explain")}</p>
      <StatusMessage message={status.message} />
      {editing.open ? (
        <IdentityForm
          caseId={entry.id}
          code={entry.code}
          current={shown}
          onDone={editing.hide}
          onSaved={(saved) => {
            setShown(saved.identity);
            show.reset();
            editing.hide();
            status.announce(t("identity.saved"));
            void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
          }}
        />
      ) : shown ? (
        <>
          <IdentityFacts identity={shown} />
          <div className="form-buttons">
            <button type="button" className="button" ref={editing.trigger} onClick={editing.show}>
              {t("identity.edit")}
            </button>
            <button type="button" className="button-quiet" onClick={() => setShown(null)}>
              {t("identity.hide")}
            </button>
          </div>
        </>
      ) : missing ? (
        <>
          <p>{t("identity.none")}</p>
          <button type="button" className="button" ref={editing.trigger} onClick={editing.show}>
            {t("identity.add")}
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
      {missing ? null : <ErrorMessage error={show.error} />}
    </section>
  );
}
