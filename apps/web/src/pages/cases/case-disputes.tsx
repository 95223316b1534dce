import type { TCase, TDispute } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import type { FieldError } from "../../components/form-errors.ts";
import { formatDay } from "../../components/format.ts";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";

export function useCaseDisputes(caseId: string) {
  return useQuery({
    queryKey: queryKeys.disputes(caseId),
    queryFn: () => api.caseDisputes(caseId),
    select: (data) => data.disputes.filter((dispute) => dispute.liftedAt === null),
  });
}

/** "Bestritten" next to the case when the person disputes it. */
export function DisputeBadge({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const disputes = useCaseDisputes(caseId);
  const onCase = disputes.data?.some((dispute) => dispute.targetType === "case");
  return onCase ? <span className="badge badge-disputed">{t("dispute.badge")}</span> : null;
}

function RaiseForm({ entry, onDone }: { entry: TCase; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<FieldError | undefined>();
  const raise = useMutation({
    mutationFn: () => api.raiseDispute("case", entry.id, { reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.disputes(entry.id) });
      onDone();
    },
  });
  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) return setError({ reason: "required" });
        setError(undefined);
        raise.mutate();
      }}
    >
      <Field
        label={t("dispute.reason")}
        error={error}
        messages={{ required: t("dispute.reasonRequired") }}
      >
        {(props) => (
          <textarea
            {...props}
            // biome-ignore lint/a11y/noAutofocus: the form opens on request; focus belongs in it
            autoFocus
            required
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <ErrorMessage error={raise.error} />
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={raise.isPending}>
          {t("dispute.raiseNow")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function LiftButton({
  entry,
  dispute,
  announce,
}: {
  entry: TCase;
  dispute: TDispute;
  announce(message: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const lift = useMutation({
    mutationFn: () =>
      api.liftDispute(
        dispute.targetType,
        dispute.targetId,
        note.trim() ? { note: note.trim() } : {},
      ),
    onSuccess: () => {
      announce(t("dispute.lifted"));
      void queryClient.invalidateQueries({ queryKey: queryKeys.disputes(entry.id) });
    },
  });
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t("dispute.lift")}
      </button>
    );
  return (
    <div className="form-card">
      <Field label={t("dispute.liftNote")}>
        {(props) => (
          <input {...props} value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      <ErrorMessage error={lift.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={lift.isPending}
          onClick={() => lift.mutate()}
        >
          {t("dispute.liftNow")}
        </button>
        <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}

/** What the person disputes (restriction of processing); the owning agency sets and lifts it. */
export function CaseDisputes({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const disputes = useCaseDisputes(entry.id);
  const status = useStatusMessage();
  const { open, show, hide, trigger } = useDisclosure();
  const owner = entry.access.isOwner;
  const active = disputes.data ?? [];
  const caseDisputed = active.some((dispute) => dispute.targetType === "case");
  return (
    <section className="panel" aria-labelledby="disputes-heading">
      <h2 id="disputes-heading">{t("dispute.title")}</h2>
      <StatusMessage message={status.message} />
      {owner ? <p className="muted">{t("dispute.intro")}</p> : null}
      <ErrorMessage error={disputes.error} />
      {disputes.data && active.length === 0 ? <p>{t("dispute.none")}</p> : null}
      {active.length > 0 ? (
        <ul className="dispute-list">
          {active.map((dispute) => (
            <li key={dispute.id}>
              <span className="badge badge-disputed">{t("dispute.badge")}</span>{" "}
              {t("dispute.entry", {
                target: t(`dispute.target.${dispute.targetType}`),
                date: formatDay(dispute.raisedAt),
                reason: dispute.reason,
              })}
              {owner ? (
                <div className="dispute-lift">
                  <LiftButton entry={entry} dispute={dispute} announce={status.announce} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {owner && !caseDisputed && disputes.data ? (
        open ? (
          <RaiseForm
            entry={entry}
            onDone={() => {
              hide();
            }}
          />
        ) : (
          <button type="button" className="button" ref={trigger} onClick={show}>
            {t("dispute.raise")}
          </button>
        )
      ) : null}
    </section>
  );
}
