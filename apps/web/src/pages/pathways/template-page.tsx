import {
  TEXT_LIMITS,
  type TPathwayPrerequisite,
  type TPathwayTemplate,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchPathwayTemplates, writePathwayTemplate } from "../../api/pathways.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { useMe } from "../../session/session.tsx";
import { TemplateEditors } from "./template-editors.tsx";

/** A prerequisite being edited; `fixed` keys were in the template already and keep their meaning. */
interface Row extends TPathwayPrerequisite {
  fixed: boolean;
  rowId: number;
}

let nextRowId = 0;
const rowsOf = (template: TPathwayTemplate): Row[] =>
  template.prerequisites.map((item) => ({ ...item, fixed: true, rowId: nextRowId++ }));

/**
 * The pathway templates. Everyone reads them; the immigration office's coordinators and
 * those of the agencies it named save a new version. Checklists already started keep theirs.
 */
export function TemplatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const templates = useQuery({
    queryKey: queryKeys.pathwayTemplates,
    queryFn: fetchPathwayTemplates,
  });
  const [chosen, setChosen] = useState("");
  const pickId = useId();
  // Held here: saving remounts the form with the new version, and the news must outlive it.
  const status = useStatusMessage();
  const data = templates.data;
  const template =
    data?.templates.find((entry) => entry.pathwayKey === chosen) ?? data?.templates[0];
  return (
    <Page title={t("pathways.templatesTitle")}>
      <p className="notice pathways-notice">{t("pathways.notice")}</p>
      <p>{t("pathways.versionKept")}</p>
      <ErrorMessage error={templates.error} />
      {templates.isPending ? <Loading label={t("common.loading")} /> : null}
      {data && !data.mayEdit ? <p className="muted">{t("pathways.templatesReadOnly")}</p> : null}
      {data && template ? (
        <>
          <p>
            <label htmlFor={pickId}>{t("pathways.startLabel")}</label>{" "}
            <select
              id={pickId}
              value={template.pathwayKey}
              onChange={(event) => setChosen(event.target.value)}
            >
              {data.templates.map((entry) => (
                <option key={entry.pathwayKey} value={entry.pathwayKey}>
                  {entry.norm} – {entry.titleDe}
                </option>
              ))}
            </select>
          </p>
          <TemplateForm
            key={`${template.id}`}
            template={template}
            mayEdit={data.mayEdit}
            onSaved={status.announce}
          />
        </>
      ) : null}
      <StatusMessage message={status.message} />
      {me.user.role === "coordinator" && me.agency.kind === "auslaenderbehoerde" ? (
        <TemplateEditors />
      ) : null}
    </Page>
  );
}

function TemplateForm({
  template,
  mayEdit,
  onSaved,
}: {
  template: TPathwayTemplate;
  mayEdit: boolean;
  onSaved(message: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [head, setHead] = useState({
    norm: template.norm,
    titleDe: template.titleDe,
    titleEn: template.titleEn,
  });
  const [rows, setRows] = useState(() => rowsOf(template));
  const save = useMutation({
    mutationFn: () =>
      writePathwayTemplate(template.pathwayKey, {
        ...head,
        prerequisites: rows.map(({ fixed: _fixed, rowId: _rowId, hintDe, hintEn, ...item }) => ({
          ...item,
          hintDe: hintDe?.trim() ? hintDe : null,
          hintEn: hintEn?.trim() ? hintEn : null,
        })),
      }),
    onSuccess: (written) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pathwayTemplates });
      onSaved(t("pathways.savedVersion", { version: written.version }));
    },
  });
  const change = (rowId: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.rowId === rowId ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form-card template-form" onSubmit={submit}>
      <p className="muted">{t("pathways.currentVersion", { version: template.version })}</p>
      <TextField
        label={t("pathways.norm")}
        value={head.norm}
        readOnly={!mayEdit}
        max={TEXT_LIMITS.name}
        onChange={(norm) => setHead({ ...head, norm })}
      />
      <TextField
        label={t("pathways.titleDe")}
        value={head.titleDe}
        readOnly={!mayEdit}
        max={TEXT_LIMITS.name}
        onChange={(titleDe) => setHead({ ...head, titleDe })}
      />
      <TextField
        label={t("pathways.titleEn")}
        value={head.titleEn}
        readOnly={!mayEdit}
        max={TEXT_LIMITS.name}
        onChange={(titleEn) => setHead({ ...head, titleEn })}
      />
      {rows.map((row, index) => (
        <fieldset key={row.rowId} className="template-prerequisite">
          <legend>{t("pathways.prerequisite", { number: index + 1 })}</legend>
          <TextField
            label={t("pathways.key")}
            value={row.key}
            readOnly={!mayEdit || row.fixed}
            max={60}
            onChange={(key) => change(row.rowId, { key })}
          />
          <TextField
            label={t("pathways.textDe")}
            value={row.de}
            readOnly={!mayEdit}
            max={TEXT_LIMITS.purpose}
            onChange={(de) => change(row.rowId, { de })}
          />
          <TextField
            label={t("pathways.textEn")}
            value={row.en}
            readOnly={!mayEdit}
            max={TEXT_LIMITS.purpose}
            onChange={(en) => change(row.rowId, { en })}
          />
          <TextField
            label={t("pathways.hintDe")}
            value={row.hintDe ?? ""}
            readOnly={!mayEdit}
            max={TEXT_LIMITS.purpose}
            onChange={(hintDe) => change(row.rowId, { hintDe })}
          />
          <TextField
            label={t("pathways.hintEn")}
            value={row.hintEn ?? ""}
            readOnly={!mayEdit}
            max={TEXT_LIMITS.purpose}
            onChange={(hintEn) => change(row.rowId, { hintEn })}
          />
          <TextField
            label={t("pathways.actionTitle")}
            value={row.actionTitleDe}
            readOnly={!mayEdit}
            max={TEXT_LIMITS.actionTitle}
            onChange={(actionTitleDe) => change(row.rowId, { actionTitleDe })}
          />
          {mayEdit && rows.length > 1 ? (
            <button
              type="button"
              className="button-quiet"
              aria-label={t("pathways.removeLabel", { number: index + 1 })}
              onClick={() =>
                setRows((current) => current.filter((entry) => entry.rowId !== row.rowId))
              }
            >
              {t("pathways.remove")}
            </button>
          ) : null}
        </fieldset>
      ))}
      {mayEdit ? (
        <>
          <button
            type="button"
            className="button-quiet"
            onClick={() =>
              setRows((current) => [
                ...current,
                {
                  key: "",
                  de: "",
                  en: "",
                  hintDe: null,
                  hintEn: null,
                  actionTitleDe: "",
                  fixed: false,
                  rowId: nextRowId++,
                },
              ])
            }
          >
            {t("pathways.add")}
          </button>
          <ErrorMessage error={save.error} />
          <div className="form-buttons">
            <button type="submit" disabled={save.isPending}>
              {t("pathways.saveVersion")}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}

function TextField({
  label,
  value,
  readOnly,
  max,
  onChange,
}: {
  label: string;
  value: string;
  readOnly: boolean;
  max: number;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        readOnly={readOnly}
        maxLength={max}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
