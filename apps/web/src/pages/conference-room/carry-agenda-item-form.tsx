import { markAgendaItemCarried } from "@runder-tisch/conference-doc";
import {
  type TCarryAgendaItemResponse,
  type TConference,
  TEXT_LIMITS,
  ZCarryAgendaItemRequest,
} from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type * as Y from "yjs";
import { fetchCaseConferences } from "../../api/case-conferences.ts";
import { carryAgendaItem } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { paths } from "../../routes/paths.ts";

/** Later conferences of the case that have not begun and where this agency may edit the agenda. */
const laterConferences = (conferences: readonly TConference[], current: TConference) =>
  conferences
    .filter(
      (candidate) =>
        candidate.status === "planned" &&
        candidate.myRole === "editor" &&
        candidate.scheduledAt > current.scheduledAt,
    )
    .sort((a, b) => (a.scheduledAt < b.scheduledAt ? -1 : 1));

/**
 * Puts an agenda item on a later conference of the case: moved (marked here as moved)
 * or copied (stays here too). Loaded only when someone opens it.
 */
export function CarryAgendaItemForm({
  doc,
  conference,
  item,
  onCarried,
  onCancel,
}: {
  doc: Y.Doc;
  conference: TConference;
  item: { id: string; title: string };
  onCarried(result: TCarryAgendaItemResponse, mode: "move" | "copy"): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const conferences = useQuery({
    queryKey: queryKeys.caseConferences(conference.caseId),
    queryFn: () => fetchCaseConferences(conference.caseId),
  });
  const candidates = laterConferences(conferences.data?.conferences ?? [], conference);
  const form = useSchemaForm({
    schema: ZCarryAgendaItemRequest,
    initial: { toConferenceId: "", mode: "move" as "move" | "copy" },
    toInput: (draft) => ({
      toConferenceId: draft.toConferenceId || candidates[0]?.id || "",
      mode: draft.mode,
      title: item.title.slice(0, TEXT_LIMITS.name),
    }),
    send: (body) => carryAgendaItem(conference.id, body),
    onSaved: (result, body) => {
      if (body.mode === "move")
        markAgendaItemCarried(doc, item.id, result.toConference.scheduledOn);
      onCarried(result, body.mode);
    },
  });
  if (conferences.isPending) return <Loading label={t("common.loading")} />;
  if (candidates.length === 0) {
    return (
      <p className="notice">
        {t("carry.none")} <Link to={paths.case(conference.caseId)}>{t("carry.toCase")}</Link>
      </p>
    );
  }
  return (
    <form
      onSubmit={form.submit}
      className="carry-form"
      aria-label={t("carry.formLabel", { text: item.title })}
      noValidate
    >
      <Field label={t("carry.conference")} error={form.errors.toConferenceId}>
        {(props) => (
          <select {...props} {...form.bind("toConferenceId")}>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {formatDateTime(candidate.scheduledAt)} · {candidate.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t("carry.how")}</legend>
        {(["move", "copy"] as const).map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name={`carry-${item.id}`}
              value={mode}
              checked={form.draft.mode === mode}
              onChange={() => form.set("mode", mode)}
            />
            {t(`carry.${mode}`)}
          </label>
        ))}
      </fieldset>
      <FormButtons label={t("carry.submit")} tone="plain" form={form} onCancel={onCancel} />
    </form>
  );
}
