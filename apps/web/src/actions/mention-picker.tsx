import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../forms/field.tsx";
import type { FieldError } from "../forms/form-errors.ts";
import { type CasePerson, useCasePeople } from "./case-people.ts";

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
  const groups = useCasePeople(caseId);
  const byId = new Map<string, CasePerson>();
  for (const group of groups) {
    for (const person of group.people) byId.set(person.id, person);
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
              {groups.map(({ agency, people }) => (
                <optgroup key={agency.id} label={agency.name}>
                  {people
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
