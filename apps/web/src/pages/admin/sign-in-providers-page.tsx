import type { TAgency, TSignInProvider } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSignInProviders, saveProviderAgencies } from "../../api/sign-in-providers.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";

const sameSet = (left: Set<string>, right: readonly string[]) =>
  left.size === right.length && right.every((id) => left.has(id));

/** The agencies the mapping names first, so the ones IT meant are at hand; then by name. */
function inOrder(agencies: TAgency[], mapped: readonly string[]): TAgency[] {
  const rank = (agency: TAgency) => (mapped.includes(agency.id) ? 0 : 1);
  return [...agencies].sort(
    (left, right) => rank(left) - rank(right) || left.name.localeCompare(right.name, "de"),
  );
}

function AgencyChoice({
  agency,
  mapped,
  checked,
  onChange,
}: {
  agency: TAgency;
  mapped: boolean;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <li className="provider-agency">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hintId}
        />
        {agency.name}
        {agency.active ? null : ` (${t("agencies.inactive")})`}
      </label>
      <span id={hintId} className={mapped ? "badge badge-open" : "field-hint"}>
        {mapped ? t("signInProviders.mapped") : t("signInProviders.notMapped")}
      </span>
    </li>
  );
}

function ProviderItem({
  provider,
  agencies,
  announce,
}: {
  provider: TSignInProvider;
  agencies: TAgency[];
  announce(message: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [chosen, setChosen] = useState(() => new Set(provider.allowedAgencyIds));
  const save = useMutation({
    mutationFn: () => saveProviderAgencies(provider.id, { agencyIds: [...chosen] }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.signInProviders });
      announce(
        t("signInProviders.saved", { label: saved.label, count: saved.allowedAgencyIds.length }),
      );
      // The button is disabled now that nothing is left to save; focus stays with the provider.
      heading.current?.focus();
    },
  });
  const choose = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const unchanged = sameSet(chosen, provider.allowedAgencyIds);
  return (
    <li className="admin-item">
      <h2 ref={heading} tabIndex={-1} className="admin-item-title">
        {provider.label}
      </h2>
      <p className="muted provider-issuer">
        {t("signInProviders.issuer")} <code>{provider.issuer}</code>
      </p>
      <fieldset>
        <legend>{t("signInProviders.legend", { label: provider.label })}</legend>
        <p className="field-hint">{t("signInProviders.hint")}</p>
        <ul className="provider-agencies">
          {inOrder(agencies, provider.mappedAgencyIds).map((agency) => (
            <AgencyChoice
              key={agency.id}
              agency={agency}
              mapped={provider.mappedAgencyIds.includes(agency.id)}
              checked={chosen.has(agency.id)}
              onChange={(on) => choose(agency.id, on)}
            />
          ))}
        </ul>
      </fieldset>
      <ErrorMessage error={save.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={unchanged || save.isPending}
          onClick={() => save.mutate()}
        >
          {t("signInProviders.save", { label: provider.label })}
        </button>
      </div>
    </li>
  );
}

function SignInProviderAdministration() {
  const { t } = useTranslation();
  const providers = useQuery({
    queryKey: queryKeys.signInProviders,
    queryFn: fetchSignInProviders,
  });
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const status = useStatusMessage();
  const loaded = providers.data && agencies.data;
  return (
    <Page title={t("signInProviders.title")}>
      <p className="lead">{t("signInProviders.intro")}</p>
      <StatusMessage message={status.message} />
      <ErrorMessage error={providers.error ?? agencies.error} />
      {loaded ? null : <Loading label={t("common.loading")} />}
      {loaded && providers.data.providers.length === 0 ? (
        <p className="empty">{t("signInProviders.none")}</p>
      ) : null}
      {loaded && providers.data.providers.length > 0 ? (
        <ul className="admin-list" aria-label={t("signInProviders.listLabel")}>
          {providers.data.providers.map((provider) => (
            <ProviderItem
              key={provider.id}
              provider={provider}
              agencies={agencies.data.agencies}
              announce={status.announce}
            />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

export function SignInProvidersPage() {
  return (
    <RequireRole roles={["platform_admin"]}>
      <SignInProviderAdministration />
    </RequireRole>
  );
}
