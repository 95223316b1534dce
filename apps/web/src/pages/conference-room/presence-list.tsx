import { useTranslation } from "react-i18next";
import { agencyColor, type PresenceUser } from "./presence.ts";

export function PresenceList({ people }: { people: PresenceUser[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="presence-heading" className="room-panel">
      <h2 id="presence-heading">{t("room.present", { count: people.length })}</h2>
      <ul className="presence-list">
        {people.map((person) => (
          <li key={person.id}>
            <span
              className="presence-dot"
              aria-hidden="true"
              style={{ backgroundColor: agencyColor(person.agencyId) }}
            />
            <span>
              {person.name}
              {person.agencyName ? <span className="muted"> · {person.agencyName}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
