import {
  PATHWAY_STATUSES,
  type TAgencyRef,
  type TPathwayChecklist,
  type TPathwayItem,
  type TPathwayStatus,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createPrerequisiteAction,
  fetchCaseChecklists,
  fetchPathwayTemplates,
  setPrerequisiteStatus,
  startChecklist,
} from "../../api/pathways.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";

export interface PathwaysPanelProps {
  caseId: string;
  /** Who may be made responsible for an action: the owner and, in the room, everyone invited. */
  agencies: TAgencyRef[];
  /** Set in the conference room: actions are then agreed at that conference. */
  conferenceId?: string;
}

const ROOM_REFRESH_MS = 15_000;

const useEnglish = () => useTranslation().i18n.language.startsWith("en");

/** The residence pathway checklists of a case: a working aid, never a decision. */
export function PathwaysPanel({ caseId, agencies, conferenceId }: PathwaysPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const checklists = useQuery({
    queryKey: queryKeys.casePathways(caseId),
    queryFn: () => fetchCaseChecklists(caseId),
    // Statuses are not in the live event stream; in the room others change them as people talk.
    ...(conferenceId ? { refetchInterval: ROOM_REFRESH_MS } : {}),
  });
  const data = checklists.data;
  return (
    <section aria-labelledby={headingId} className="panel pathways">
      <h2 id={headingId}>{t("pathways.title")}</h2>
      <p className="notice pathways-notice">{t("pathways.notice")}</p>
      <ErrorMessage error={checklists.error} />
      {checklists.isPending ? <Loading label={t("common.loading")} /> : null}
      {data && !data.mayEdit ? <p className="muted">{t("pathways.readOnly")}</p> : null}
      {data?.checklists.length === 0 ? <p className="empty">{t("pathways.none")}</p> : null}
      {data?.checklists.map((checklist) => (
        <Checklist
          key={checklist.id}
          checklist={checklist}
          mayEdit={data.mayEdit}
          agencies={agencies}
          conferenceId={conferenceId}
        />
      ))}
      {data?.mayEdit ? (
        <StartChecklist caseId={caseId} started={data.checklists.map((c) => c.pathwayKey)} />
      ) : null}
    </section>
  );
}

function StartChecklist({ caseId, started }: { caseId: string; started: string[] }) {
  const { t } = useTranslation();
  const english = useEnglish();
  const queryClient = useQueryClient();
  const selectId = useId();
  const templates = useQuery({
    queryKey: queryKeys.pathwayTemplates,
    queryFn: fetchPathwayTemplates,
  });
  const open = templates.data?.templates.filter(
    (template) => !started.includes(template.pathwayKey),
  );
  const [chosen, setChosen] = useState("");
  const start = useMutation({
    mutationFn: (pathwayKey: string) => startChecklist(caseId, pathwayKey),
    onSuccess: () => {
      setChosen("");
      void queryClient.invalidateQueries({ queryKey: queryKeys.casePathways(caseId) });
    },
  });
  if (!open || open.length === 0) return null;
  const pathwayKey = chosen || open[0]?.pathwayKey || "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pathwayKey) start.mutate(pathwayKey);
  };
  return (
    <form className="pathways-start" onSubmit={submit}>
      <label htmlFor={selectId}>{t("pathways.startLabel")}</label>
      <select id={selectId} value={pathwayKey} onChange={(event) => setChosen(event.target.value)}>
        {open.map((template) => (
          <option key={template.pathwayKey} value={template.pathwayKey}>
            {template.norm} – {english ? template.titleEn : template.titleDe}
          </option>
        ))}
      </select>
      <button type="submit" disabled={start.isPending}>
        {t("pathways.start")}
      </button>
      <ErrorMessage error={start.error} />
    </form>
  );
}

function Checklist({
  checklist,
  mayEdit,
  agencies,
  conferenceId,
}: {
  checklist: TPathwayChecklist;
  mayEdit: boolean;
  agencies: TAgencyRef[];
  conferenceId: string | undefined;
}) {
  const { t } = useTranslation();
  const english = useEnglish();
  const describe = (key: string) => {
    const item = checklist.items.find((entry) => entry.key === key);
    return item ? (english ? item.en : item.de) : key;
  };
  const statusName = (status: TPathwayStatus | null) =>
    status ? t(`pathways.status.${status}`) : t("pathways.unset");
  return (
    <article className="pathway-checklist" data-pathway={checklist.pathwayKey}>
      <h3>
        {checklist.norm} – {english ? checklist.titleEn : checklist.titleDe}
      </h3>
      <p>
        <strong className="pathway-count">
          {t("pathways.metOf", { met: checklist.metCount, total: checklist.applicableCount })}
        </strong>{" "}
        <span className="muted">
          {t("pathways.version", { version: checklist.templateVersion })}
        </span>
      </p>
      <ol className="pathway-items">
        {checklist.items.map((item) => (
          <Prerequisite
            key={item.key}
            checklist={checklist}
            item={item}
            mayEdit={mayEdit}
            agencies={agencies}
            conferenceId={conferenceId}
          />
        ))}
      </ol>
      {checklist.history.length > 0 ? (
        <details>
          <summary>{t("pathways.history", { count: checklist.history.length })}</summary>
          <ul className="pathway-history">
            {checklist.history.map((change) => (
              <li key={`${change.at}-${change.prerequisiteKey}-${change.to}`}>
                {t("pathways.historyEntry", {
                  date: formatDateTime(change.at),
                  item: describe(change.prerequisiteKey),
                  from: statusName(change.from),
                  to: statusName(change.to),
                  person: change.by?.displayName ?? t("pathways.someone"),
                  agency: change.agency.name,
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}

function Prerequisite({
  checklist,
  item,
  mayEdit,
  agencies,
  conferenceId,
}: {
  checklist: TPathwayChecklist;
  item: TPathwayItem;
  mayEdit: boolean;
  agencies: TAgencyRef[];
  conferenceId: string | undefined;
}) {
  const { t } = useTranslation();
  const english = useEnglish();
  const queryClient = useQueryClient();
  const selectId = useId();
  const status = useStatusMessage();
  const actionForm = useDisclosure();
  const save = useMutation({
    mutationFn: (next: TPathwayStatus) =>
      setPrerequisiteStatus(checklist.caseId, checklist.id, item.key, next),
    onSuccess: (updated) =>
      queryClient.setQueryData(queryKeys.casePathways(checklist.caseId), replacing(updated)),
  });
  const hint = english ? item.hintEn : item.hintDe;
  return (
    <li className="pathway-item">
      <p className="pathway-text">{english ? item.en : item.de}</p>
      {hint ? <p className="muted pathway-hint">{hint}</p> : null}
      <div className="pathway-status">
        <label htmlFor={selectId}>{t("pathways.statusLabel")}</label>
        {mayEdit ? (
          <select
            id={selectId}
            value={item.status ?? ""}
            disabled={save.isPending}
            onChange={(event) => save.mutate(event.target.value as TPathwayStatus)}
          >
            {item.status === null ? <option value="">{t("pathways.unset")}</option> : null}
            {PATHWAY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`pathways.status.${value}`)}
              </option>
            ))}
          </select>
        ) : (
          <output id={selectId}>
            {item.status ? t(`pathways.status.${item.status}`) : t("pathways.unset")}
          </output>
        )}
        {item.setAt ? (
          <span className="muted">
            {t("pathways.setBy", {
              person: item.setBy?.displayName ?? t("pathways.someone"),
              agency: item.setByAgency?.name ?? "",
              date: formatDateTime(item.setAt),
            })}
          </span>
        ) : null}
      </div>
      <ErrorMessage error={save.error} />
      {item.action ? (
        <p className="pathway-action">{t("pathways.action", { title: item.action.title })}</p>
      ) : null}
      {mayEdit && item.status === "not_met" && !item.action ? (
        actionForm.open ? (
          <ActionForm
            checklist={checklist}
            item={item}
            agencies={agencies}
            conferenceId={conferenceId}
            onDone={(created) => {
              actionForm.hide();
              if (created) status.announce(t("pathways.actionCreated"));
            }}
          />
        ) : (
          <button
            type="button"
            className="button-quiet"
            ref={actionForm.trigger}
            onClick={actionForm.show}
          >
            {t("pathways.createAction")}
          </button>
        )
      ) : null}
      <StatusMessage message={status.message} />
    </li>
  );
}

/** Puts a changed checklist into the cached list, so the page does not ask again. */
const replacing =
  (updated: TPathwayChecklist) =>
  <T extends { checklists: TPathwayChecklist[] }>(data: T | undefined) =>
    data && {
      ...data,
      checklists: data.checklists.map((entry) => (entry.id === updated.id ? updated : entry)),
    };

function ActionForm({
  checklist,
  item,
  agencies,
  conferenceId,
  onDone,
}: {
  checklist: TPathwayChecklist;
  item: TPathwayItem;
  agencies: TAgencyRef[];
  conferenceId: string | undefined;
  onDone(created: boolean): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const agencyId = useId();
  const [title, setTitle] = useState(item.actionTitleDe);
  const [responsible, setResponsible] = useState(agencies[0]?.id ?? "");
  const create = useMutation({
    mutationFn: () =>
      createPrerequisiteAction(checklist.caseId, checklist.id, item.key, {
        title,
        responsibleAgencyId: responsible,
        conferenceId: conferenceId ?? null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.casePathways(checklist.caseId), replacing(updated));
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseActions(checklist.caseId) });
      onDone(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="form-card" onSubmit={submit}>
      <label htmlFor={titleId}>{t("pathways.actionTitle")}</label>
      <input
        id={titleId}
        value={title}
        required
        maxLength={300}
        onChange={(event) => setTitle(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the form opens on request; focus belongs in it
        autoFocus
      />
      <label htmlFor={agencyId}>{t("pathways.responsible")}</label>
      <select
        id={agencyId}
        value={responsible}
        onChange={(event) => setResponsible(event.target.value)}
      >
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </select>
      <ErrorMessage error={create.error} />
      <div className="form-buttons">
        <button type="submit" disabled={create.isPending || !title.trim() || !responsible}>
          {t("pathways.createNow")}
        </button>
        <button type="button" className="button-quiet" onClick={() => onDone(false)}>
          {t("pathways.cancel")}
        </button>
      </div>
    </form>
  );
}
