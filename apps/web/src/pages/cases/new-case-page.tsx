import { type TCaseTheme, ZCreateCaseRequest } from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createCase } from "../../api/case-records.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Page } from "../../components/page.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { paths } from "../../routes/paths.ts";
import { ThemeCheckboxes } from "./theme-checkboxes.tsx";

/** Opens a case under a new code; who the person is goes into the identity record later. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: ZCreateCaseRequest,
    initial: { summary: "", themes: [] as TCaseTheme[], specialCategoryNote: "" },
    toInput: (draft) => ({
      ...draft,
      specialCategoryNote: draft.specialCategoryNote.trim() ? draft.specialCategoryNote : undefined,
    }),
    send: createCase,
    onSaved: (created) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      navigate(paths.case(created.id), { state: { created: true } });
    },
  });
  return (
    <Page title={t("newCase.title")}>
      <p className="lead">{t("newCase.intro")}</p>
      <form className="panel form-narrow" onSubmit={form.submit} noValidate>
        <Field
          label={t("newCase.summary")}
          hint={t("newCase.summaryHint")}
          error={form.errors.summary}
        >
          {(props) => <textarea {...props} {...form.bind("summary")} rows={5} />}
        </Field>
        <ThemeCheckboxes value={form.draft.themes} onChange={(next) => form.set("themes", next)} />
        <Field
          label={t("newCase.specialNote")}
          hint={t("newCase.specialNoteHint")}
          error={form.errors.specialCategoryNote}
        >
          {(props) => <textarea {...props} {...form.bind("specialCategoryNote")} rows={3} />}
        </Field>
        <FormButtons label={t("newCase.submit")} form={form} cancelTo={paths.cases} />
      </form>
    </Page>
  );
}
