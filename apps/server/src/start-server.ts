import { join } from "node:path";
import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import { demoLogins, seedDemo } from "@runder-tisch/db/seed";
import { type App, buildApp } from "./app.ts";
import { RedisBus } from "./collab/index.ts";
import { seedDemoHistory } from "./demo/seed-demo-history.ts";
import {
  describeUnknownIdentityKeys,
  findUnknownIdentityKeys,
} from "./domain/identity/find-unknown-identity-keys.ts";
import type { Env } from "./env.ts";
import { DEMO_PASSWORD } from "./lib/demo-passwords.ts";
import { loadIdentityCipher } from "./lib/load-identity-cipher.ts";
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

/**
 * Opens the database, migrates (or only checks it is migrated, MIGRATE_ON_START=false),
 * seeds the demo Kreis if asked, and listens. What the person starting it can fix (key,
 * port, database) is found first, as a StartupProblem.
 */
export async function startServer(env: Env): Promise<RunningServer> {
  const identityCipher = loadIdentityCipher(env);
  await ensurePortFree(env.HOST, env.PORT);
  const database = await openDatabase(env);
  let pending: string[] = [];
  try {
    if (env.MIGRATE_ON_START) await database.migrate();
    else pending = await database.pendingMigrations();
  } catch (error) {
    await database.close().catch(() => {});
    throw databaseProblem(error);
  }
  if (pending.length > 0) {
    // Serving an old schema would fail on the first request that needs a new column.
    await database.close().catch(() => {});
    throw new StartupProblem(
      `Datenbank nicht auf dem Stand dieser Version: erst \`migrate\` ausführen (${pending.length} Migration(en) fehlen, ab ${pending[0]}).`,
    );
  }
  // The server still starts (every other record is readable), but says so where it is seen.
  const unknownKeys = await findUnknownIdentityKeys(database.db, identityCipher);
  if (unknownKeys.length > 0) {
    process.stderr.write(
      `Warnung: ${describeUnknownIdentityKeys(unknownKeys)}; diese Datensätze bleiben unlesbar, bis der Schlüssel wieder angegeben ist.\n`,
    );
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
    const seedOptions = {
      passwordHash: await hashPassword(DEMO_PASSWORD),
      sealIdentity: (caseId: string, plaintext: string) => ({
        ciphertext: identityCipher.encrypt(plaintext, caseId),
        keyId: identityCipher.keyId,
      }),
    };
    const seeded = await seedDemo(database.db, seedOptions);
    // Its conferences are finalised by the server's own finalising step, hence seeded here.
    const withHistory = await seedDemoHistory(database.db, seedOptions);
    if (seeded || withHistory) process.stdout.write("Demo-Kreis angelegt.\n");
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
