import type { FastifyInstance, FastifyRequest } from "fastify";
import * as oidc from "openid-client";
import { publicUrlOf } from "../../lib/public-url.ts";
import { paths } from "./sign-in-paths.ts";

/**
 * The provider's own sign-out page (RP-initiated logout), when it has one, leading back to
 * our sign-in page; without it, signing out here would leave the provider's session open
 * and the next "Anmelden mit …" would sign the same person in without asking.
 */
export async function providerSignOutAddress(
  app: FastifyInstance,
  request: FastifyRequest,
  providerId: string,
): Promise<string | undefined> {
  const settings = app.oidcClients.settings(providerId);
  if (!settings) return undefined;
  try {
    const configuration = await app.oidcClients.configuration(settings);
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc
      .buildEndSessionUrl(configuration, {
        client_id: settings.clientId,
        post_logout_redirect_uri: `${publicUrlOf(request)}${paths.signIn}`,
      })
      .toString();
  } catch {
    // Our session has ended either way; the provider's page is a courtesy.
    return undefined;
  }
}
