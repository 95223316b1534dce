import type { SignInFailure } from "@runder-tisch/contracts/vocabulary";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as oidc from "openid-client";
import { z } from "zod";
import { AppError, notFound } from "../../errors.ts";
import { publicUrlOf } from "../../lib/public-url.ts";
import { randomToken } from "../../lib/tokens.ts";
import { accountForProvider, type ProviderClaims } from "../../sign-in/account-for-provider.ts";
import type { OidcProviderSettings } from "../../sign-in/oidc-settings.ts";
import { rememberSignIn, takeSignIn } from "../../sign-in/pending-sign-ins.ts";
import { paths, safeReturnPath } from "./sign-in-paths.ts";
import { startSession } from "./start-session.ts";

/** Ties a provider's answer to the browser that went there (login CSRF). */
const BROWSER_COOKIE = "rt_sign_in";
const COOKIE_PATH = "/api/auth/oidc/";

const ZProviderParams = z.object({ provider: z.string().max(32) });
const ZStartQuery = z.object({ returnTo: z.string().max(512).optional() });
/** What a provider sends back; anything else it adds is ignored. */
const ZCallbackQuery = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(200).optional(),
});

function failureOf(error: unknown): SignInFailure {
  if (error instanceof oidc.AuthorizationResponseError) return "provider_refused";
  // fetch failing to connect, or the provider's discovery or keys not answering.
  if (error instanceof TypeError || (error as { code?: string })?.code === "OAUTH_TIMEOUT") {
    return "provider_unreachable";
  }
  return "answer_invalid";
}

/**
 * Sign-in through OpenID Connect: authorization code flow with PKCE, state and nonce.
 * The browser leaves for the provider from /start and comes back to /callback, which may
 * be another node: what /start remembered is in the database, for one use.
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const secureCookies = app.config.COOKIE_SECURE ?? app.config.TRUST_PROXY;
  const redirectUri = (origin: string, providerId: string) =>
    `${origin}/api/auth/oidc/${providerId}/callback`;

  const providerOr404 = (providerId: string): OidcProviderSettings => {
    const settings = app.oidcClients.settings(providerId);
    if (!settings) throw notFound("Sign-in provider");
    return settings;
  };

  const backToSignIn = (reply: FastifyReply, failure: SignInFailure) =>
    reply.redirect(`${paths.signIn}?fehler=${failure}`, 303);

  app.get(
    "/api/auth/oidc/:provider/start",
    {
      // Each start leaves a row for ten minutes: one address must not fill the table.
      config: {
        rateLimit: { max: app.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: {
        tags: ["auth"],
        summary: "Begin signing in at an identity provider (redirects there)",
        security: [],
        params: ZProviderParams,
        querystring: ZStartQuery,
      },
    },
    async (request, reply) => {
      const settings = providerOr404(request.params.provider);
      let configuration: oidc.Configuration;
      try {
        configuration = await app.oidcClients.configuration(settings);
      } catch (error) {
        request.log.warn({ provider: settings.id, err: error }, "provider discovery failed");
        return backToSignIn(reply, "provider_unreachable");
      }
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const browserSecret = randomToken();
      await rememberSignIn(app.db, state, browserSecret, {
        providerId: settings.id,
        codeVerifier,
        nonce,
        returnTo: safeReturnPath(request.query.returnTo),
      });
      // Lax, not Strict: the provider's answer arrives as a navigation from its site.
      reply.setCookie(BROWSER_COOKIE, browserSecret, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        maxAge: 600,
      });
      const target = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri(publicUrlOf(request), settings.id),
        scope: settings.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      });
      return reply.redirect(target.toString(), 303);
    },
  );

  app.get(
    "/api/auth/oidc/:provider/callback",
    {
      schema: {
        tags: ["auth"],
        summary: "The identity provider's answer; signs in and goes on to the app",
        security: [],
        params: ZProviderParams,
        querystring: ZCallbackQuery,
      },
    },
    async (request, reply) => {
      const settings = providerOr404(request.params.provider);
      const browserSecret = request.cookies[BROWSER_COOKIE];
      reply.clearCookie(BROWSER_COOKIE, { path: COOKIE_PATH });
      const { state } = request.query;
      const pending = state
        ? await takeSignIn(app.db, settings.id, state, browserSecret)
        : undefined;
      if (!pending) {
        request.log.warn({ provider: settings.id }, "sign-in answer with unknown or used state");
        return backToSignIn(reply, "state_unknown");
      }
      if (request.query.error) return backToSignIn(reply, "provider_refused");

      let claims: ProviderClaims;
      try {
        const configuration = await app.oidcClients.configuration(settings);
        const origin = publicUrlOf(request);
        // The answer exactly as the provider sent it (iss and others included), at our address.
        const answer = new URL(redirectUri(origin, settings.id));
        answer.search = request.raw.url?.split("?")[1] ?? "";
        const tokens = await oidc.authorizationCodeGrant(configuration, answer, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error("no ID token");
        claims = { ...idClaims };
        // Groups often come only from the userinfo endpoint (they are large for ID tokens).
        if (
          claims[settings.groupsClaim] === undefined &&
          configuration.serverMetadata().userinfo_endpoint
        ) {
          const userinfo = await oidc.fetchUserInfo(
            configuration,
            tokens.access_token,
            idClaims.sub,
          );
          claims = { ...userinfo, ...idClaims };
        }
      } catch (error) {
        const failure = failureOf(error);
        request.log.warn(
          { provider: settings.id, failure, err: { name: (error as Error).name } },
          "sign-in answer refused",
        );
        return backToSignIn(reply, failure);
      }

      const account = await accountForProvider(app.db, settings, claims, request.id);
      if (!account.found) return backToSignIn(reply, account.failure);
      // The person's earlier sessions ended with the move: their live connections end too.
      if (account.movedNow) app.events.publish({ kind: "user.cut-off", userId: account.user.id });
      try {
        const { session } = await startSession(
          app.db,
          account.user,
          app.sessionPolicy,
          request.id,
          settings.id,
        );
        app.setSessionCookie(reply, session.token, session.expiresAt);
      } catch (error) {
        if (error instanceof AppError && error.statusCode === 403) {
          return backToSignIn(reply, "account_disabled");
        }
        throw error;
      }
      return reply.redirect(pending.returnTo, 303);
    },
  );
};
