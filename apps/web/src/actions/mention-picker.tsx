import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchAgencyPeople } from "../api/agency-people.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Field } from "../forms/field.tsx";
import type { FieldError } from "../forms/form-errors.ts";
import { useResponsibleCandidates } from "./responsible-candidates.ts";

interface Person {
  id: string;
  displayName: string;
}

/**
 * Picks people to mention (@) in a comment: those of the agencies that may see the case
 * (the server refuses anyone else). A select and a button rather than a popup list while
 * typing, so a keyboard or a screen reader needs nothing special.
 */
export function MentionPicker({
  caseId,
  meId,
  value,
  onChange,
  error,
}: {
  caseId: string;
  meId: string;
  value: readonly string[];
  onChange(ids: string[]): void;
  error?: FieldError | undefined;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState("");
  const agencies = useResponsibleCandidates(caseId, true);
  const people = useQueries({
    queries: agencies.map((agency) => ({
      queryKey: queryKeys.agencyPeople(agency.id),
      queryFn: () => fetchAgencyPeople(agency.id),
    })),
  });
  const byId = new Map<string, Person>();
  for (const result of people) {
    for (const person of result.data?.people ?? []) byId.set(person.id, person);
  }
  const chosen = value.map((id) => byId.get(id) ?? { id, displayName: id });
  const add = () => {
    if (choice && !value.includes(choice)) onChange([...value, choice]);
    setChoice("");
  };
  return (
    <div className="mention-picker">
      <Field label={t("comments.mention")} error={error}>
        {(props) => (
          <span className="mention-choose">
            <select {...props} value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value="">{t("comments.mentionPick")}</option>
              {agencies.map((agency, index) => (
                <optgroup key={agency.id} label={agency.name}>
                  {(people[index]?.data?.people ?? [])
                    .filter((person) => person.id !== meId && !value.includes(person.id))
                    .map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.displayName}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>{" "}
            <button type="button" className="button-quiet" disabled={!choice} onClick={add}>
              {t("comments.mentionAdd")}
            </button>
          </span>
        )}
      </Field>
      {chosen.length > 0 ? (
        <ul className="mention-chips" aria-label={t("comments.mentioned")}>
          {chosen.map((person) => (
            <li key={person.id}>
              @{person.displayName}{" "}
              <button
                type="button"
                className="button-quiet"
                aria-label={t("comments.mentionRemove", { name: person.displayName })}
                onClick={() => onChange(value.filter((id) => id !== person.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
