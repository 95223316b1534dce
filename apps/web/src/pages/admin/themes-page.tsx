import {
  TEXT_LIMITS,
  type TTheme,
  type TThemeCatalogue,
  ZCreateThemeRequest,
  ZUpdateThemeRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { createTheme, updateTheme } from "../../api/theme-admin.ts";
import { fetchThemes } from "../../api/themes.ts";
import { useDisclosure, useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { useThemes } from "../../components/use-themes.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** Puts a changed or added theme into the catalogue every page reads. */
function useStoreTheme() {
  const queryClient = useQueryClient();
  return (theme: TTheme) =>
    queryClient.setQueryData<TThemeCatalogue>(queryKeys.themes, (current) => {
      const themes = current?.themes ?? [];
      const known = themes.some((entry) => entry.key === theme.key);
      return {
        themes: known
          ? themes.map((entry) => (entry.key === theme.key ? theme : entry))
          : [...themes, theme],
      };
    });
}

/** An empty field means the default wording (a Kreis's own theme cannot do without German). */
const labelOrNull = (value: string) => value.trim() || null;

function RenameForm({
  theme,
  onDone,
  announce,
}: {
  theme: TTheme;
  onDone(): void;
  announce(message: string): void;
}) {
  const { t } = useTranslation();
  const store = useStoreTheme();
  const container = useRef<HTMLFormElement>(null);
  useFocusFirstField(container);
  const defaultName = theme.isDefault ? t(`theme.${theme.key}`) : null;
  const form = useSchemaForm({
    schema: ZUpdateThemeRequest,
    initial: { labelDe: theme.labels.de ?? "", labelEn: theme.labels.en ?? "" },
    toInput: (draft) => ({
      labelDe: labelOrNull(draft.labelDe),
      labelEn: labelOrNull(draft.labelEn),
    }),
    send: (body) => updateTheme(theme.key, body),
    onSaved: (saved) => {
      store(saved);
      announce(t("themesAdmin.saved"));
      onDone();
    },
  });
  return (
    <form ref={container} className="form-card" onSubmit={form.submit} noValidate>
      <Field
        label={t("themesAdmin.labelDe")}
        error={form.errors.labelDe}
        hint={defaultName ? t("themesAdmin.emptyMeansDefault", { name: defaultName }) : undefined}
      >
        {(props) => <input {...props} {...form.bind("labelDe")} maxLength={TEXT_LIMITS.name} />}
      </Field>
      <Field
        label={t("themesAdmin.labelEn")}
        error={form.errors.labelEn}
        hint={t("themesAdmin.emptyEnglish")}
      >
        {(props) => <input {...props} {...form.bind("labelEn")} maxLength={TEXT_LIMITS.name} />}
      </Field>
      <FormButtons label={t("themesAdmin.save")} form={form} onCancel={onDone} />
    </form>
  );
}

function ThemeItem({ theme, announce }: { theme: TTheme; announce(message: string): void }) {
  const { t } = useTranslation();
  const { label } = useThemes();
  const store = useStoreTheme();
  const rename = useDisclosure();
  const name = label(theme.key);
  const toggle = useMutation({
    mutationFn: () => updateTheme(theme.key, { active: !theme.active }),
    onSuccess: (saved) => {
      store(saved);
      announce(t(saved.active ? "themesAdmin.switchedOn" : "themesAdmin.switchedOff", { name }));
    },
  });
  return (
    <li className="template-row">
      <div className="template-row-body">
        <span>
          {name}
          <span className="muted">
            {" · "}
            {theme.isDefault ? t("themesAdmin.standard") : t("themesAdmin.own")}
            {" · "}
            {theme.active ? t("themesAdmin.active") : t("themesAdmin.inactive")}
          </span>
        </span>
        <span className="item-buttons">
          <button
            type="button"
            className="button-quiet"
            ref={rename.trigger}
            aria-expanded={rename.open}
            aria-label={t("themesAdmin.renameLabel", { name })}
            onClick={rename.show}
          >
            {t("themesAdmin.rename")}
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={toggle.isPending}
            aria-label={t(
              theme.active ? "themesAdmin.switchOffLabel" : "themesAdmin.switchOnLabel",
              {
                name,
              },
            )}
            onClick={() => toggle.mutate()}
          >
            {theme.active ? t("themesAdmin.switchOff") : t("themesAdmin.switchOn")}
          </button>
        </span>
      </div>
      <ErrorMessage error={toggle.error} />
      {rename.open ? <RenameForm theme={theme} onDone={rename.hide} announce={announce} /> : null}
    </li>
  );
}

function NewThemeForm({ announce }: { announce(message: string): void }) {
  const { t } = useTranslation();
  const store = useStoreTheme();
  const form = useSchemaForm({
    schema: ZCreateThemeRequest,
    initial: { labelDe: "", labelEn: "" },
    toInput: (draft) => ({ labelDe: draft.labelDe, labelEn: draft.labelEn.trim() || undefined }),
    send: createTheme,
    onSaved: (created) => {
      store(created);
      announce(t("themesAdmin.added", { name: created.labels.de ?? created.key }));
    },
    resetOnSaved: true,
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h2>{t("themesAdmin.addTitle")}</h2>
      <Field label={t("themesAdmin.labelDe")} error={form.errors.labelDe}>
        {(props) => <input {...props} {...form.bind("labelDe")} maxLength={TEXT_LIMITS.name} />}
      </Field>
      <Field
        label={t("themesAdmin.labelEn")}
        error={form.errors.labelEn}
        hint={t("themesAdmin.emptyEnglish")}
      >
        {(props) => <input {...props} {...form.bind("labelEn")} maxLength={TEXT_LIMITS.name} />}
      </Field>
      <FormButtons label={t("themesAdmin.add")} form={form} />
    </form>
  );
}

function ThemesAdministration() {
  const { t } = useTranslation();
  const catalogue = useQuery({ queryKey: queryKeys.themes, queryFn: fetchThemes });
  const status = useStatusMessage();
  return (
    <Page title={t("themesAdmin.title")}>
      <p className="lead">{t("themesAdmin.intro")}</p>
      <ErrorMessage error={catalogue.error} />
      {catalogue.data ? (
        <ul className="template-list" aria-label={t("themesAdmin.listLabel")}>
          {catalogue.data.themes.map((theme) => (
            <ThemeItem key={theme.key} theme={theme} announce={status.announce} />
          ))}
        </ul>
      ) : (
        <Loading label={t("common.loading")} />
      )}
      <NewThemeForm announce={status.announce} />
      <StatusMessage message={status.message} />
    </Page>
  );
}

export function ThemesPage() {
  return (
    <RequireRole roles={["platform_admin"]}>
      <ThemesAdministration />
    </RequireRole>
  );
}
