import fp from "fastify-plugin";
import type { Env } from "../env.ts";
import type { IdentityCipher } from "../lib/identity-crypto.ts";

export interface AppConfig {
  env: Env;
  identityCipher: IdentityCipher;
}

declare module "fastify" {
  interface FastifyInstance {
    config: Env;
    identityCipher: IdentityCipher;
  }
}

export const configPlugin = fp<AppConfig>(
  async (app, { env, identityCipher }) => {
    app.decorate("config", env);
    app.decorate("identityCipher", identityCipher);
  },
  { name: "config" },
);
