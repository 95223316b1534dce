import type { TCase, TSharingBasis } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchSharingBases } from "../../api/cases.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";
import { GrantBasisForm } from "./grant-basis-form.tsx";
import { RevokeBasisButton } from "./revoke-basis-button.tsx";

function LegalBasisText({ basis }: { basis: TSharingBasis }) {
  const { t } = useTranslation();
  const legal = basis.legalBasis;
  if (legal.kind === "consent") {
    return (
      <>
        {t("sharing.consentGiven", {
          form: t(`consentForm.${legal.form}`),
          date: formatDay(legal.givenOn),
        })}{" "}
        ({legal.textVersion})
      </>
    );
  }
  return <>{t("sharing.statute", { norm: legal.norm })}</>;
}

function BasisItem({ basis, entry }: { basis: TSharingBasis; entry: TCase }) {
  const { t } = useTranslation();
  return (
    <li className={basis.active ? "basis" : "basis basis-inactive"}>
      <p className="basis-agency">
        <strong>{basis.agency.name}</strong>{" "}
        <span className={basis.active ? "badge badge-done" : "badge badge-cancelled"}>
          {basis.revokedAt
            ? t("sharing.revokedOn", { date: formatDay(basis.revokedAt) })
            : basis.active
              ? t("sharing.active")
              : t("sharing.expired")}
        </span>
      </p>
      <p>
        {t("sharing.purpose")}: {basis.purpose}
      </p>
      <p className="muted">
        <LegalBasisText basis={basis} /> ·{" "}
        {basis.categories.map((category) => t(`dataCategory.${category}`)).join(", ")}
        {basis.legalBasis.validUntil
          ? ` · ${t("sharing.validUntil", { date: formatDay(basis.legalBasis.validUntil) })}`
          : ""}
      </p>
      {basis.revocationNote ? <p className="muted">{basis.revocationNote}</p> : null}
      {entry.access.isOwner && basis.active ? (
        <RevokeBasisButton caseId={entry.id} basis={basis} />
      ) : null}
    </li>
  );
}

/** Who may see the case and why; the owning agency records and revokes the bases here. */
export function SharingBasesSection({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const [granting, setGranting] = useState(false);
  const bases = useQuery({
    queryKey: queryKeys.sharingBases(entry.id),
    queryFn: () => fetchSharingBases(entry.id),
  });
  return (
    <section aria-labelledby="sharing-heading" className="panel">
      <h2 id="sharing-heading">{t("sharing.title")}</h2>
      <p className="muted">
        {entry.access.isOwner ? t("sharing.explainOwner") : t("sharing.explainOther")}
      </p>
      <ErrorMessage error={bases.error} />
      {bases.data?.sharingBases.length === 0 ? <p className="empty">{t("sharing.none")}</p> : null}
      <ul className="basis-list">
        {bases.data?.sharingBases.map((basis) => (
          <BasisItem key={basis.id} basis={basis} entry={entry} />
        ))}
      </ul>
      {entry.access.isOwner ? (
        granting ? (
          <GrantBasisForm entry={entry} onDone={() => setGranting(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setGranting(true)}>
            {t("sharing.grantOpen")}
          </button>
        )
      ) : null}
    </section>
  );
}
