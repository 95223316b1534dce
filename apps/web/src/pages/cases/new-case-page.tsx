import {
  type TCaseTheme,
  type TCreateCaseRequest,
  ZCreateCaseRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors, serverFieldErrors } from "../../components/form-errors.ts";
import { Page } from "../../components/page.tsx";
import { ThemeCheckboxes } from "./theme-checkboxes.tsx";

/** Opens a case under a new code; who the person is goes into the identity record later. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState("");
  const [themes, setThemes] = useState<TCaseTheme[]>([]);
  const [specialNote, setSpecialNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: TCreateCaseRequest) => api.createCase(body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      navigate(`/faelle/${created.id}`, { state: { created: true } });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      summary,
      themes,
      specialCategoryNote: specialNote.trim() ? specialNote : undefined,
    };
    const parsed = ZCreateCaseRequest.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
    setErrors({});
    create.mutate(parsed.data);
  }
  return (
    <Page title={t("newCase.title")}>
      <p className="lead">{t("newCase.intro")}</p>
      <form className="panel form-narrow" onSubmit={submit} noValidate>
        <Field label={t("newCase.summary")} hint={t("newCase.summaryHint")} error={errors.summary}>
          {(props) => (
            <textarea
              {...props}
              rows={5}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          )}
        </Field>
        <ThemeCheckboxes value={themes} onChange={setThemes} />
        <Field
          label={t("newCase.specialNote")}
          hint={t("newCase.specialNoteHint")}
          error={errors.specialCategoryNote}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={specialNote}
              onChange={(e) => setSpecialNote(e.target.value)}
            />
          )}
        </Field>
        {Object.keys(errors).length === 0 ? <ErrorMessage error={create.error} /> : null}
        <div className="form-buttons">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t("newCase.submit")}
          </button>
          <Link to="/faelle" className="button-quiet button-link">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </Page>
  );
}
