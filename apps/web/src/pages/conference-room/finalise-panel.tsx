import {
  type TConference,
  type TMinutes,
  type TTextFinding,
  ZFinaliseConferenceRequest,
  ZTextFinding,
} from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ApiError } from "../../api/client.ts";
import { finaliseConference } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useMe } from "../../session/session.tsx";

const ZFindingDetails = z.object({ findings: z.array(ZTextFinding).min(1) });

/** The guard's findings when the server refused to finalise because of them. */
function findingsOf(error: unknown): TTextFinding[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const parsed = ZFindingDetails.safeParse(error.details);
  return parsed.success ? parsed.data.findings : null;
}

/** "notes", "agenda[2]", "actions[<id>].title" → the part of the room, in words. */
function whereKey(where: string): string {
  const part = /^[a-z]+/.exec(where)?.[0] ?? "";
  return ["notes", "agenda", "goals", "decisions", "obstacles", "actions", "reviews"].includes(part)
    ? `pii.where.${part}`
    : "pii.where.other";
}

export function FindingList({ findings }: { findings: TTextFinding[] }) {
  const { t } = useTranslation();
  return (
    <ul className="finding-list">
      {findings.map((finding, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is a fixed server answer
        <li key={index}>
          {t("finalise.finding", {
            kind: t(`pii.kind.${finding.kind}`, { defaultValue: t("pii.kind.other") }),
            where: t(whereKey(finding.where)),
            excerpt: finding.excerpt,
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Protokoll abschließen" for a coordinator of the owning agency once the conference has
 * ended. When the PII guard objects, it says what it found and asks for a reason.
 */
export function FinalisePanel({
  conference,
  onFinalised,
}: {
  conference: TConference;
  onFinalised(minutes: TMinutes): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const { open, show, hide, trigger } = useDisclosure();
  const [findings, setFindings] = useState<TTextFinding[] | null>(null);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);

  const form = useSchemaForm({
    schema: ZFinaliseConferenceRequest,
    initial: { nextReviewOn: "", overrideReason: "" },
    // The reason is asked for only once the guard has found something.
    toInput: (draft) => ({
      nextReviewOn: draft.nextReviewOn || undefined,
      overrideReason: findings ? draft.overrideReason : undefined,
    }),
    send: (body) => finaliseConference(conference.id, body),
    onSaved: (response) => {
      const { minutes } = response;
      queryClient.setQueryData(queryKeys.minutes(conference.id), {
        minutes: [
          {
            id: minutes.id,
            conferenceId: minutes.conferenceId,
            version: minutes.version,
            finalisedAt: minutes.finalisedAt,
            hash: minutes.hash,
            marks: minutes.marks,
          },
        ],
      });
      queryClient.setQueryData<TConference>(queryKeys.conference(conference.id), (old) =>
        old ? { ...old, status: "finalised", finalisedAt: response.finalisedAt } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.conference(conference.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcoming });
      onFinalised(minutes);
    },
    onRefused: (error) => {
      const found = findingsOf(error);
      if (found) setFindings(found);
    },
  });

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  useEffect(() => {
    if (findings) reasonBox.current?.focus();
  }, [findings]);

  const allowed = conference.isOwner && me.user.role === "coordinator";
  if (!allowed || conference.status !== "concluded") return null;
  if (!open)
    return (
      <button type="button" className="button-primary" ref={trigger} onClick={show}>
        {t("finalise.open")}
      </button>
    );

  const submit = (event: FormEvent) => {
    form.submit(event);
    if (findings && !form.draft.overrideReason.trim()) reasonBox.current?.focus();
  };

  return (
    <section className="finalise-dialog panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("finalise.title")}
      </h2>
      <p>{t("finalise.intro")}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t("finalise.nextReview")}
          hint={t("finalise.nextReviewHint")}
          error={form.errors.nextReviewOn}
        >
          {(props) => <input {...props} {...form.bind("nextReviewOn")} type="date" />}
        </Field>
        {findings ? (
          <div className="finding-box" role="alert">
            <h3>{t("finalise.findingsTitle")}</h3>
            <p>
              {findings.length === 1
                ? t("finalise.findingsIntroOne")
                : t("finalise.findingsIntroMany", { count: findings.length })}
            </p>
            <FindingList findings={findings} />
          </div>
        ) : null}
        {findings ? (
          <Field
            label={t("finalise.reason")}
            hint={t("finalise.reasonHint")}
            error={form.errors.overrideReason}
            messages={{ required: t("finalise.reasonRequired") }}
          >
            {(props) => (
              <textarea
                {...props}
                {...form.bind("overrideReason")}
                ref={reasonBox}
                required
                aria-required="true"
                rows={3}
              />
            )}
          </Field>
        ) : null}
        <FormButtons
          label={findings ? t("finalise.submitAnyway") : t("finalise.submit")}
          tone={findings ? "danger" : "primary"}
          pending={form.pending}
          problem={findingsOf(form.problem) ? null : form.problem}
          onCancel={hide}
        />
      </form>
    </section>
  );
}
