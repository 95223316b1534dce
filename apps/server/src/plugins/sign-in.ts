import fp from "fastify-plugin";
import { AppError } from "../errors.ts";
import { OidcClients } from "../sign-in/oidc-clients.ts";
import { parseOidcProviders } from "../sign-in/oidc-settings.ts";
import { secondFactorSetupRequired } from "../sign-in/second-factor.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Open to a session that must still set up its second factor (me, sign-out, setup). */
    beforeSecondFactor?: boolean;
  }
  interface FastifyInstance {
    oidcClients: OidcClients;
  }
}

/**
 * The ways in besides a password: the configured OpenID Connect providers, and the gate
 * that holds a session back until a required second factor is set up.
 */
export const signInPlugin = fp(
  async (app) => {
    app.decorate("oidcClients", new OidcClients(parseOidcProviders(app.config.OIDC_PROVIDERS)));
    const requiredFor = app.config.SECOND_FACTOR_REQUIRED_FOR;
    if (requiredFor.length === 0) return;
    app.addHook("preHandler", async (request) => {
      const session = request.session;
      if (!session || request.routeOptions.config.beforeSecondFactor) return;
      if (secondFactorSetupRequired(requiredFor, session)) {
        throw new AppError(403, "forbidden", "Set up the second factor first", {
          reason: "second_factor_setup_required",
        });
      }
    });
  },
  { name: "sign-in", dependencies: ["config", "authentication"] },
);
