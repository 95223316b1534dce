import { randomBytes } from "node:crypto";
// Test harness only: the web app itself never imports server or database code.
import { createDatabase, schema } from "../../../../packages/db/src/index.ts";
import { seedDemo } from "../../../../packages/db/src/seed/index.ts";
import { buildApp } from "../../../server/src/app.ts";
import { parseEnv } from "../../../server/src/env.ts";
import { IdentityCipher } from "../../../server/src/lib/identity-crypto.ts";
import { hashPassword } from "../../../server/src/lib/passwords.ts";
import { webAppPlugin } from "../../../server/src/plugins/web-app.ts";
import { distDir } from "../../scripts/production-build.ts";

export { distDir };
/** The demo Kreis password printed by the server at start. */
export const DEMO_PASSWORD = "runder-tisch-demo";

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** A demo agency, for settings that name agencies (a provider's group mapping). */
export interface DemoAgency {
  id: string;
  name: string;
}

export interface AppOptions {
  /**
   * More server settings (sign-in providers, second factor), as the environment gives them;
   * a function when they name demo agencies, whose ids exist only once the demo is seeded.
   */
  env?: Record<string, string> | ((agencies: DemoAgency[]) => Record<string, string>);
  /** A port chosen beforehand, for settings that must name the app's address before it listens. */
  port?: number;
}

/**
 * The real server on 127.0.0.1 with a fresh in-memory database holding the demo
 * Kreis, serving the built web app: what a user would get, minus the disk.
 */
export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const database = await createDatabase({ kind: "pglite" });
  await database.migrate();
  const identityCipher = new IdentityCipher(randomBytes(32));
  await seedDemo(database.db, {
    passwordHash: await hashPassword(DEMO_PASSWORD),
    sealIdentity: (caseId, plaintext) => ({
      ciphertext: identityCipher.encrypt(plaintext, caseId),
      keyId: identityCipher.keyId,
    }),
  });
  const extraEnv =
    typeof options.env === "function"
      ? options.env(
          await database.db
            .select({ id: schema.agencies.id, name: schema.agencies.name })
            .from(schema.agencies),
        )
      : options.env;
  const env = parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.RT_E2E_LOG ?? "silent",
    SEED_DEMO: "false",
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "10000",
    COLLAB_IDLE_UNLOAD_MS: "1000",
    ...extraEnv,
  });
  const app = await buildApp({ env, database, identityCipher });
  // Once buildApp registers the web app itself, registering it again would clash.
  if (!app.hasRoute({ method: "GET", url: "/*" })) await app.register(webAppPlugin, { distDir });
  const address = await app.listen({ host: "127.0.0.1", port: options.port ?? 0 });
  return {
    baseUrl: address,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
