import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import {
  fetchTemplateEditors,
  nameTemplateEditor,
  removeTemplateEditor,
} from "../../api/pathways.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { useMe } from "../../session/session.tsx";

/** The immigration office's coordinators name the agencies whose coordinators may edit templates. */
export function TemplateEditors() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const headingId = useId();
  const selectId = useId();
  const editors = useQuery({
    queryKey: queryKeys.pathwayTemplateEditors,
    queryFn: fetchTemplateEditors,
  });
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const [chosen, setChosen] = useState("");
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.pathwayTemplateEditors });
  const name = useMutation({ mutationFn: nameTemplateEditor, onSuccess: refresh });
  const remove = useMutation({ mutationFn: removeTemplateEditor, onSuccess: refresh });
  const named = new Set(editors.data?.editors.map((entry) => entry.agency.id));
  const candidates =
    agencies.data?.agencies.filter(
      (agency) => agency.active && agency.id !== me.agency.id && !named.has(agency.id),
    ) ?? [];
  const agencyId = chosen || candidates[0]?.id || "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agencyId) name.mutate(agencyId);
  };
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t("pathways.editorsTitle")}</h2>
      <p>{t("pathways.editorsIntro")}</p>
      <ErrorMessage error={editors.error ?? remove.error} />
      {editors.isPending ? <Loading label={t("common.loading")} /> : null}
      {editors.data?.editors.length === 0 ? (
        <p className="empty">{t("pathways.editorsNone")}</p>
      ) : null}
      <ul className="card-list">
        {editors.data?.editors.map((entry) => (
          <li key={entry.agency.id}>
            {entry.agency.name}{" "}
            <button
              type="button"
              className="button-quiet"
              aria-label={t("pathways.unnameLabel", { agency: entry.agency.name })}
              onClick={() => remove.mutate(entry.agency.id)}
            >
              {t("pathways.unname")}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <form className="pathways-start" onSubmit={submit}>
          <label htmlFor={selectId}>{t("pathways.agency")}</label>
          <select
            id={selectId}
            value={agencyId}
            onChange={(event) => setChosen(event.target.value)}
          >
            {candidates.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={name.isPending}>
            {t("pathways.name")}
          </button>
          <ErrorMessage error={name.error} />
        </form>
      ) : null}
    </section>
  );
}
