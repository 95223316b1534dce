import * as oidc from "openid-client";
import type { OidcProviderSettings } from "./oidc-settings.ts";

/**
 * The providers' discovered configurations, fetched on first use rather than at start:
 * a provider that is down must not keep the platform (and password sign-in) from starting.
 * A failed discovery is forgotten, so the next sign-in tries again.
 */
export class OidcClients {
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();
  private readonly byId: ReadonlyMap<string, OidcProviderSettings>;

  constructor(readonly providers: readonly OidcProviderSettings[]) {
    this.byId = new Map(providers.map((provider) => [provider.id, provider]));
  }

  settings(providerId: string): OidcProviderSettings | undefined {
    return this.byId.get(providerId);
  }

  configuration(settings: OidcProviderSettings): Promise<oidc.Configuration> {
    let pending = this.discovered.get(settings.id);
    if (!pending) {
      pending = discover(settings);
      pending.catch(() => this.discovered.delete(settings.id));
      this.discovered.set(settings.id, pending);
    }
    return pending;
  }
}

async function discover(settings: OidcProviderSettings): Promise<oidc.Configuration> {
  const authentication = settings.clientSecret
    ? oidc.ClientSecretBasic(settings.clientSecret)
    : oidc.None();
  return oidc.discovery(
    new URL(settings.issuer),
    settings.clientId,
    { [oidc.clockTolerance]: settings.clockToleranceSeconds },
    authentication,
    {
      timeout: 5,
      ...(settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
    },
  );
}
