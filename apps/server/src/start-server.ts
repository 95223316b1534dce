import { join } from "node:path";
import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import { demoLogins, seedDemo } from "@runder-tisch/db/seed";
import { type App, buildApp } from "./app.ts";
import { RedisBus } from "./collab/index.ts";
import type { Env } from "./env.ts";
import { DEMO_PASSWORD } from "./lib/demo-passwords.ts";
import { IdentityCipher, loadIdentityKey } from "./lib/identity-crypto.ts";
import { hashPassword } from "./lib/passwords.ts";
import { databaseProblem, ensurePortFree, portProblem, StartupProblem } from "./startup-problem.ts";

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  address: string;
  stop(): Promise<void>;
}

export function openDatabase(env: Env): Promise<DatabaseHandle> {
  return env.DATABASE_URL
    ? createDatabase({ kind: "postgres", url: env.DATABASE_URL })
    : createDatabase({ kind: "pglite", dataDir: join(env.DATA_DIR, "pglite") });
}

function identityCipherFor(env: Env): IdentityCipher {
  if (!env.IDENTITY_KEY && env.NODE_ENV === "production") {
    throw new StartupProblem(
      "IDENTITY_KEY fehlt: In Produktion braucht Runder Tisch einen festen Schlüssel für die Identitätsdaten, 32 zufällige Bytes in Base64 (zum Beispiel aus `openssl rand -base64 32`).",
    );
  }
  const key = loadIdentityKey(env.IDENTITY_KEY, join(env.DATA_DIR, "identity.key"));
  if (key.length !== 32) {
    throw new StartupProblem(
      `IDENTITY_KEY hat ${key.length} statt 32 Bytes: Bitte 32 zufällige Bytes in Base64 angeben (zum Beispiel aus \`openssl rand -base64 32\`).`,
    );
  }
  return new IdentityCipher(key);
}

/**
 * Opens the database, migrates, seeds the demo Kreis if asked, and listens. What the
 * person starting it can fix (key, port, database) is found first, as a StartupProblem.
 */
export async function startServer(env: Env): Promise<RunningServer> {
  const identityCipher = identityCipherFor(env);
  await ensurePortFree(env.HOST, env.PORT);
  const database = await openDatabase(env);
  try {
    await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    throw databaseProblem(error);
  }
  // Several nodes share documents and events over Redis; one node needs nothing else.
  const bus = env.REDIS_URL
    ? new RedisBus({
        url: env.REDIS_URL,
        onError: (error) => console.error("redis:", error.message),
      })
    : undefined;
  const app = await buildApp({ env, database, identityCipher, collaboration: { bus } });
  if (env.SEED_DEMO && env.NODE_ENV !== "production") {
    const seeded = await seedDemo(database.db, {
      passwordHash: await hashPassword(DEMO_PASSWORD),
      sealIdentity: (caseId, plaintext) => ({
        ciphertext: identityCipher.encrypt(plaintext, caseId),
        keyId: identityCipher.keyId,
      }),
    });
    if (seeded) process.stdout.write("Demo-Kreis angelegt.\n");
  }
  const address = await app.listen({ host: env.HOST, port: env.PORT }).catch(async (error) => {
    // Taken in the moment between the check above and now.
    await app.close();
    await database.close();
    throw portProblem(error as NodeJS.ErrnoException, env.HOST, env.PORT);
  });
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    address,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await bus?.close();
        await database.close();
      })();
      return stopping;
    },
  };
}

export function describeStart(server: RunningServer, env: Env): string {
  const lines = [
    "",
    `Runder Tisch läuft auf ${server.address}`,
    `  API-Dokumentation: ${server.address}/api/docs`,
    `  Datenbank: ${env.DATABASE_URL ? "PostgreSQL" : `eingebettet (PGlite) in ${join(env.DATA_DIR, "pglite")}`}`,
  ];
  if (env.SEED_DEMO && env.NODE_ENV !== "production") {
    lines.push(`  Demo-Zugänge (Passwort für alle: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins()) {
      lines.push(`    ${login.email.padEnd(34)} ${login.role.padEnd(15)} ${login.agency}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
