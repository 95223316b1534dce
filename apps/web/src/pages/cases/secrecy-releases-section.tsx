import type { TCase, TSecrecyRelease } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSecrecyReleases } from "../../api/sharing.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { RevokeReleaseButton } from "./revoke-release-button.tsx";
import { SecrecyReleaseForm } from "./secrecy-release-form.tsx";

function ReleaseState({ release }: { release: TSecrecyRelease }) {
  const { t } = useTranslation();
  return (
    <span className={release.active ? "badge badge-done" : "badge badge-cancelled"}>
      {release.revokedAt
        ? t("secrecy.revokedOn", { date: formatDay(release.revokedAt) })
        : release.active
          ? t("secrecy.active")
          : t("secrecy.expired")}
    </span>
  );
}

function ReleaseItem({
  release,
  entry,
  onRevoked,
}: {
  release: TSecrecyRelease;
  entry: TCase;
  onRevoked(agencyName: string): void;
}) {
  const { t } = useTranslation();
  return (
    <li className={release.active ? "basis" : "basis basis-inactive"}>
      <p className="basis-agency">
        <strong>{release.agency.name}</strong> <ReleaseState release={release} />
      </p>
      <p>
        {t("secrecy.scope")}: {release.scope}
      </p>
      <p className="muted">
        {t("secrecy.given", {
          form: t(`consentForm.${release.form}`),
          date: formatDay(release.givenOn),
        })}
        {release.validUntil
          ? ` · ${t("sharing.validUntil", { date: formatDay(release.validUntil) })}`
          : ""}
        {` · ${t("secrecy.recordedBy", { name: release.recordedBy.displayName })}`}
      </p>
      {entry.access.isOwner && release.active ? (
        <RevokeReleaseButton caseId={entry.id} release={release} onRevoked={onRevoked} />
      ) : null}
    </li>
  );
}

/**
 * Releases from professional secrecy (Schweigepflichtentbindung): whose staff may
 * speak about the person. They are recorded apart from the bases, which decide who sees the case.
 */
export function SecrecyReleasesSection({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const recording = useDisclosure();
  const status = useStatusMessage();
  const heading = useRef<HTMLHeadingElement>(null);
  const releases = useQuery({
    queryKey: queryKeys.secrecyReleases(entry.id),
    queryFn: () => fetchSecrecyReleases(entry.id),
  });
  return (
    <section aria-labelledby="secrecy-heading" className="panel">
      <h2 id="secrecy-heading" ref={heading} tabIndex={-1}>
        {t("secrecy.title")}
      </h2>
      <p className="muted">
        {entry.access.isOwner ? t("secrecy.explainOwner") : t("secrecy.explainOther")}
      </p>
      <StatusMessage message={status.message} />
      <ErrorMessage error={releases.error} />
      {releases.data?.secrecyReleases.length === 0 ? (
        <p className="empty">{t("secrecy.none")}</p>
      ) : null}
      <ul className="basis-list">
        {releases.data?.secrecyReleases.map((release) => (
          <ReleaseItem
            key={release.id}
            release={release}
            entry={entry}
            onRevoked={(agency) => {
              status.announce(t("secrecy.revokedNow", { agency }));
              // The revoke button is gone with the release's active state; keep focus in the section.
              heading.current?.focus();
            }}
          />
        ))}
      </ul>
      {entry.access.isOwner ? (
        recording.open ? (
          <SecrecyReleaseForm
            entry={entry}
            onDone={recording.hide}
            onSaved={(agency) => {
              status.announce(t("secrecy.recordedNow", { agency }));
              recording.hide();
            }}
          />
        ) : (
          <button type="button" className="button" ref={recording.trigger} onClick={recording.show}>
            {t("secrecy.open")}
          </button>
        )
      ) : null}
    </section>
  );
}
