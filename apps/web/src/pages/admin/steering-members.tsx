import type { TUser } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import {
  addSteeringMember,
  fetchSteeringMembers,
  removeSteeringMember,
} from "../../api/steering.ts";
import { ErrorMessage } from "../../components/error-message.tsx";

/**
 * The platform admin names the steering group (Lenkungsgruppe) person by person, from any
 * agency; membership brings the group's page and nothing else.
 */
export function SteeringMembers({
  people,
  agencyNames,
}: {
  people: TUser[];
  agencyNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const members = useQuery({ queryKey: queryKeys.steeringMembers, queryFn: fetchSteeringMembers });
  const [chosen, setChosen] = useState("");
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.steeringMembers });
  const add = useMutation({ mutationFn: addSteeringMember, onSuccess: refresh });
  const remove = useMutation({ mutationFn: removeSteeringMember, onSuccess: refresh });
  const memberIds = new Set(members.data?.members.map((member) => member.user.id));
  const candidates = people.filter((person) => !person.disabled && !memberIds.has(person.id));
  return (
    <section aria-labelledby="steering-members">
      <h2 id="steering-members">{t("steeringMembers.title")}</h2>
      <p>{t("steeringMembers.intro")}</p>
      <ErrorMessage error={members.error ?? add.error ?? remove.error} />
      {members.data?.members.length === 0 ? (
        <p className="empty">{t("steeringMembers.empty")}</p>
      ) : null}
      <ul className="admin-list">
        {members.data?.members.map((member) => (
          <li key={member.user.id}>
            {member.user.displayName} ({member.agency.name}){" "}
            <button
              type="button"
              className="button-quiet"
              aria-label={t("steeringMembers.removeNamed", { name: member.user.displayName })}
              disabled={remove.isPending}
              onClick={() => remove.mutate(member.user.id)}
            >
              {t("steeringMembers.remove")}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) add.mutate(chosen, { onSuccess: () => setChosen("") });
        }}
      >
        <label>
          {t("steeringMembers.person")}{" "}
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{t("common.choose")}</option>
            {candidates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName} ({agencyNames.get(person.agencyId) ?? ""})
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit" className="button" disabled={!chosen || add.isPending}>
          {t("steeringMembers.add")}
        </button>
      </form>
    </section>
  );
}
