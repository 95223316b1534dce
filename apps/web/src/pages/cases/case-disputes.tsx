import {
  type TCase,
  type TDispute,
  ZLiftDisputeRequest,
  ZRaiseDisputeRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchCaseDisputes, liftDispute, raiseDispute } from "../../api/disputes.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

export function useCaseDisputes(caseId: string) {
  return useQuery({
    queryKey: queryKeys.disputes(caseId),
    queryFn: () => fetchCaseDisputes(caseId),
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
  const form = useSchemaForm({
    schema: ZRaiseDisputeRequest,
    initial: { reason: "" },
    send: (body) => raiseDispute("case", entry.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.disputes(entry.id) });
      onDone();
    },
  });
  return (
    <form className="form-card" noValidate onSubmit={form.submit}>
      <Field
        label={t("dispute.reason")}
        error={form.errors.reason}
        messages={{ required: t("dispute.reasonRequired") }}
      >
        {(props) => (
          <textarea
            {...props}
            {...form.bind("reason")}
            // biome-ignore lint/a11y/noAutofocus: the form opens on request; focus belongs in it
            autoFocus
            required
            rows={3}
          />
        )}
      </Field>
      <FormButtons label={t("dispute.raiseNow")} form={form} onCancel={onDone} />
    </form>
  );
}

function LiftForm({
  entry,
  dispute,
  announce,
  onCancel,
}: {
  entry: TCase;
  dispute: TDispute;
  announce(message: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: ZLiftDisputeRequest,
    initial: { note: "" },
    toInput: (draft) => (draft.note.trim() ? draft : {}),
    send: (body) => liftDispute(dispute.targetType, dispute.targetId, body),
    onSaved: () => {
      announce(t("dispute.lifted"));
      void queryClient.invalidateQueries({ queryKey: queryKeys.disputes(entry.id) });
    },
  });
  return (
    <form className="form-card" noValidate onSubmit={form.submit}>
      <Field label={t("dispute.liftNote")} error={form.errors.note}>
        {(props) => <input {...props} {...form.bind("note")} />}
      </Field>
      <FormButtons label={t("dispute.liftNow")} form={form} onCancel={onCancel} />
    </form>
  );
}

function LiftButton(props: { entry: TCase; dispute: TDispute; announce(message: string): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (confirming) return <LiftForm {...props} onCancel={() => setConfirming(false)} />;
  return (
    <button type="button" className="button" onClick={() => setConfirming(true)}>
      {t("dispute.lift")}
    </button>
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
