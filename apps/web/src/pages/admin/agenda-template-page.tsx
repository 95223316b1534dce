import {
  AGENDA_TEMPLATE_MAX_ITEMS,
  CONFERENCE_AGENDA_TEMPLATE,
  type TAgendaTemplate,
  TEXT_LIMITS,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  fetchAgendaTemplate,
  resetAgendaTemplate,
  saveAgendaTemplate,
} from "../../api/agenda-template.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { AddTextForm } from "../../components/add-text-form.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";

type Entry = TAgendaTemplate["items"][number];
/** A row of the template being arranged; the key keeps focus on a row's button as it moves. */
interface Row {
  key: string;
  entry: Entry;
}

let nextRowKey = 0;
const toRow = (entry: Entry): Row => ({ key: `row-${nextRowKey++}`, entry });

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [entry] = next.splice(from, 1);
  if (entry !== undefined) next.splice(to, 0, entry);
  return next;
}

/** The template being arranged: the rows, and the buttons that order and remove them. */
function TemplateRows({ rows, onChange }: { rows: Row[]; onChange(rows: Row[]): void }) {
  const { t } = useTranslation();
  const titleOf = (entry: Entry) => ("kind" in entry ? t(`agenda.${entry.kind}`) : entry.title);
  return (
    <ol className="template-list" aria-label={t("agendaTemplate.listLabel")}>
      {rows.map(({ key, entry }, index) => {
        const title = titleOf(entry);
        return (
          <li key={key} className="template-row">
            <div className="template-row-body">
              <span>
                {title}
                {"kind" in entry ? (
                  <span className="muted"> · {t("agendaTemplate.standard")}</span>
                ) : null}
              </span>
              <span className="item-buttons">
                <button
                  type="button"
                  className="button-quiet"
                  disabled={index === 0}
                  aria-label={t("agendaTemplate.upLabel", { title })}
                  onClick={() => onChange(move(rows, index, index - 1))}
                >
                  {t("agendaTemplate.up")}
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={index === rows.length - 1}
                  aria-label={t("agendaTemplate.downLabel", { title })}
                  onClick={() => onChange(move(rows, index, index + 1))}
                >
                  {t("agendaTemplate.down")}
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  disabled={rows.length === 1}
                  aria-label={t("agendaTemplate.removeLabel", { title })}
                  onClick={() => onChange(rows.filter((_, at) => at !== index))}
                >
                  {t("agendaTemplate.remove")}
                </button>
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Adds an own item, or a standard item that was taken out. */
function AddEntry({ entries, onAdd }: { entries: Entry[]; onAdd(entry: Entry): void }) {
  const { t } = useTranslation();
  const standardId = useId();
  const [kind, setKind] = useState("");
  const missing = CONFERENCE_AGENDA_TEMPLATE.filter(
    (candidate) => !entries.some((entry) => "kind" in entry && entry.kind === candidate),
  );
  const full = entries.length >= AGENDA_TEMPLATE_MAX_ITEMS;
  return (
    <>
      <AddTextForm
        label={t("agendaTemplate.addOwn")}
        maxLength={TEXT_LIMITS.name}
        disabled={full}
        onAdd={(title) => onAdd({ title })}
      />
      {missing.length > 0 ? (
        <div className="inline-form">
          <label htmlFor={standardId}>{t("agendaTemplate.addStandard")}</label>
          <div className="inline-row">
            <select id={standardId} value={kind} onChange={(event) => setKind(event.target.value)}>
              <option value="">{t("agendaTemplate.choose")}</option>
              {missing.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`agenda.${candidate}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={!kind || full}
              onClick={() => {
                const chosen = missing.find((candidate) => candidate === kind);
                if (chosen) onAdd({ kind: chosen });
                setKind("");
              }}
            >
              {t("room.add")}
            </button>
          </div>
        </div>
      ) : null}
      {full ? (
        <p className="muted">{t("agendaTemplate.full", { count: AGENDA_TEMPLATE_MAX_ITEMS })}</p>
      ) : null}
    </>
  );
}

function AgendaTemplateEditor({
  saved,
  isDefault,
  announce,
}: {
  saved: Entry[];
  isDefault: boolean;
  announce(message: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => saved.map(toRow));
  const entries = rows.map((row) => row.entry);
  const save = useMutation({
    mutationFn: (items: Entry[]) => saveAgendaTemplate({ items }),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.agendaTemplate, result);
      announce(t("agendaTemplate.saved"));
    },
  });
  const reset = useMutation({
    mutationFn: resetAgendaTemplate,
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.agendaTemplate, result);
      announce(t("agendaTemplate.resetDone"));
    },
  });
  const unchanged = JSON.stringify(entries) === JSON.stringify(saved);
  return (
    <>
      <p className="muted">
        {isDefault ? t("agendaTemplate.isDefault") : t("agendaTemplate.isOwn")}
      </p>
      <TemplateRows rows={rows} onChange={setRows} />
      <AddEntry entries={entries} onAdd={(entry) => setRows([...rows, toRow(entry)])} />
      <ErrorMessage error={save.error ?? reset.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={unchanged || save.isPending}
          onClick={() => save.mutate(entries)}
        >
          {t("agendaTemplate.save")}
        </button>
        {isDefault ? null : (
          <button
            type="button"
            className="button"
            disabled={reset.isPending}
            onClick={() => reset.mutate()}
          >
            {t("agendaTemplate.reset")}
          </button>
        )}
      </div>
    </>
  );
}

function AgendaTemplateAdministration() {
  const { t } = useTranslation();
  const template = useQuery({ queryKey: queryKeys.agendaTemplate, queryFn: fetchAgendaTemplate });
  const status = useStatusMessage();
  return (
    <Page title={t("agendaTemplate.title")}>
      <p className="lead">{t("agendaTemplate.intro")}</p>
      <ErrorMessage error={template.error} />
      {template.data ? (
        <AgendaTemplateEditor
          // A reset or a save from elsewhere starts the editor afresh from what is in force.
          key={JSON.stringify(template.data)}
          saved={template.data.items}
          isDefault={template.data.isDefault}
          announce={status.announce}
        />
      ) : (
        <Loading label={t("common.loading")} />
      )}
      <StatusMessage message={status.message} />
    </Page>
  );
}

export function AgendaTemplatePage() {
  return (
    <RequireRole roles={["platform_admin"]}>
      <AgendaTemplateAdministration />
    </RequireRole>
  );
}
