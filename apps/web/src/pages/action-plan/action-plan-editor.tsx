import {
  type TActionPlanDraft,
  type TActionPlanVersion,
  ZSaveActionPlanRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  fetchActionPlan,
  fetchActionPlanDraft,
  fetchActionPlanVersion,
  saveActionPlanVersion,
} from "../../api/action-plan.ts";
import { ApiError } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { Confirm } from "../../forms/confirm.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** The version the editor started from: what a save names as `baseVersion`. */
interface Base {
  version: number;
  title: string;
  body: string;
}

const baseOf = (version: TActionPlanVersion | null): Base => ({
  version: version?.version ?? 0,
  title: version?.title ?? "",
  body: version?.body ?? "",
});

const isVersionConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.reason === "version_conflict";

/**
 * Several members edit the plan, each in their own browser. A save names the version it
 * started from; when someone saved a newer one meanwhile, the server refuses, and the
 * editor offers to load it while keeping this person's own text beside it to copy from.
 */
export function ActionPlanEditor({ current }: { current: TActionPlanVersion | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useStatusMessage();
  const [base, setBase] = useState<Base>(() => baseOf(current));
  const [newerVersion, setNewerVersion] = useState<number | null>(null);
  const [ownText, setOwnText] = useState<string | null>(null);
  const [offeredDraft, setOfferedDraft] = useState<TActionPlanDraft | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.actionPlan });

  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZSaveActionPlanRequest,
    initial: { title: base.title, body: base.body, note: "" },
    toInput: (draft) => ({ ...draft, baseVersion: base.version }),
    send: saveActionPlanVersion,
    onSaved: (saved) => {
      setBase(baseOf(saved));
      form.set("note", "");
      setNewerVersion(null);
      status.announce(t("actionPlan.saved", { version: saved.version }));
      refresh();
    },
    onRefused: (error) => {
      if (isVersionConflict(error)) setNewerVersion(error.details?.latestVersion ?? base.version);
    },
  });
  const unsaved =
    form.draft.body.trim() !== base.body.trim() || form.draft.title.trim() !== base.title.trim();

  const takeDraft = (draft: TActionPlanDraft) => {
    form.set("title", draft.title);
    form.set("body", draft.body);
    setOfferedDraft(null);
    status.announce(t("actionPlan.draftTaken"));
  };
  const draft = useMutation({
    mutationFn: fetchActionPlanDraft,
    // Unsaved text is replaced only when the person says so.
    onSuccess: (assembled) => (unsaved ? setOfferedDraft(assembled) : takeDraft(assembled)),
  });

  const loadNewer = useMutation({
    mutationFn: async () =>
      newerVersion && newerVersion > base.version
        ? fetchActionPlanVersion(newerVersion)
        : (await fetchActionPlan()).current,
    onSuccess: (newer) => {
      setOwnText(form.draft.body);
      setBase(baseOf(newer));
      form.set("title", newer?.title ?? "");
      form.set("body", newer?.body ?? "");
      setNewerVersion(null);
      status.announce(t("actionPlan.newerLoaded", { version: newer?.version ?? 0 }));
      refresh();
    },
  });

  return (
    <section aria-labelledby="action-plan-editor" className="action-plan-editor">
      <h2 id="action-plan-editor">{t("actionPlan.editorTitle")}</h2>
      <p>
        {base.version > 0
          ? t("actionPlan.basedOn", { version: base.version })
          : t("actionPlan.firstVersion")}
      </p>
      <div className="form-buttons">
        <button
          type="button"
          className="button"
          disabled={draft.isPending}
          onClick={() => draft.mutate()}
        >
          {t("actionPlan.takeDraft")}
        </button>
      </div>
      {draft.isPending ? <p role="status">{t("actionPlan.draftLoading")}</p> : null}
      <ErrorMessage error={draft.error} />
      {offeredDraft ? (
        <Confirm
          title={t("actionPlan.replaceTitle")}
          text={t("actionPlan.replaceText")}
          label={t("actionPlan.replace")}
          onConfirm={() => takeDraft(offeredDraft)}
          onCancel={() => setOfferedDraft(null)}
        />
      ) : null}
      {newerVersion !== null ? (
        <div className="notice" role="alert">
          <h3>{t("actionPlan.conflictTitle")}</h3>
          <p>{t("actionPlan.conflictText", { version: newerVersion })}</p>
          <ErrorMessage error={loadNewer.error} />
          <button
            type="button"
            className="button-primary"
            disabled={loadNewer.isPending}
            onClick={() => loadNewer.mutate()}
          >
            {t("actionPlan.loadNewer")}
          </button>
        </div>
      ) : null}
      <form className="form-card" onSubmit={form.submit} noValidate>
        <Field label={t("actionPlan.titleLabel")} error={form.errors.title}>
          {(props) => <input {...props} {...form.bind("title")} />}
        </Field>
        <Field
          label={t("actionPlan.bodyLabel")}
          hint={t("actionPlan.bodyHint")}
          error={form.errors.body}
        >
          {(props) => <textarea {...props} {...form.bind("body")} rows={20} />}
        </Field>
        <Field label={t("actionPlan.noteLabel")} error={form.errors.note}>
          {(props) => <input {...props} {...form.bind("note")} />}
        </Field>
        <FormButtons
          label={t("actionPlan.save")}
          form={form}
          // A conflict is explained above, with the way out.
          problem={isVersionConflict(form.problem) ? null : form.problem}
        />
      </form>
      <StatusMessage message={status.message} />
      {ownText !== null ? (
        <div className="field">
          <label htmlFor="action-plan-own-text">{t("actionPlan.ownTextLabel")}</label>
          <textarea id="action-plan-own-text" value={ownText} readOnly rows={12} />
          <div className="form-buttons">
            <button type="button" className="button-quiet" onClick={() => setOwnText(null)}>
              {t("actionPlan.hideOwnText")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
