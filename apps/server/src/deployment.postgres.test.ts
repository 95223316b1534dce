import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@runder-tisch/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probePathsOfDeploymentFiles } from "../../../infra/test/probe-paths.ts";
import { freePort, RedisProcess } from "../test/cluster/redis-process.ts";
import { createPostgresTestDatabase } from "../test/crash/fresh-database.ts";
import { ServerProcess } from "../test/crash/server-process.ts";
import { runCli } from "../test/run-cli.ts";
import { pollUntil } from "../test/wait.ts";

/*
 * infra/compose.yaml and the Kubernetes manifests without containers: one `migrate` run
 * per release, then nodes with MIGRATE_ON_START=false sharing one PostgreSQL database,
 * one Redis and one IDENTITY_KEY, in production mode.
 */

const nonEmptyLines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

describe("a release on several nodes: migrate once, then nodes that do not migrate", () => {
  let database: { url: string; drop(): Promise<void> };
  let dataDir = "";
  let redis: RedisProcess | undefined;
  let redisUrl = "";
  const nodes: ServerProcess[] = [];
  const METRICS_TOKEN = randomBytes(24).toString("hex");
  const IDENTITY_KEY = randomBytes(32).toString("base64");

  /** A node as compose and the Deployment run it (ServerProcess sets HOST and PORT). */
  const node = () => {
    const server = new ServerProcess({
      env: {
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        IDENTITY_KEY,
        REDIS_URL: redisUrl,
        METRICS_TOKEN,
        MIGRATE_ON_START: "false",
        TRUST_PROXY: "true",
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        // Only to keep the node from writing anywhere but a temp folder.
        DATA_DIR: dataDir,
      },
      startTimeoutMs: 30_000,
    });
    nodes.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createPostgresTestDatabase({ migrated: false });
    dataDir = await mkdtemp(join(tmpdir(), "rt-deployment-"));
    if (process.env.TEST_REDIS_URL) redisUrl = process.env.TEST_REDIS_URL;
    else {
      redis = new RedisProcess(await freePort());
      await redis.start();
      redisUrl = redis.url;
    }
  });

  afterAll(async () => {
    await Promise.all(nodes.filter((server) => server.running).map((server) => server.kill()));
    await redis?.kill();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a node refuses an unmigrated database with one line, and leaves it untouched", async () => {
    const [refused, unreachable] = await Promise.all([
      node()
        .start()
        .then(
          () => "started",
          (error: Error) => error.message,
        ),
      runCli("migrate.ts", { DATABASE_URL: "postgres://postgres@127.0.0.1:1/runder_tisch" }),
    ]);
    expect(refused).toMatch(/^server exited \(1\) before listening/);
    const lines = nonEmptyLines(nodes[0]?.recentOutput() ?? "");
    expect(lines).toEqual([
      expect.stringMatching(
        /^Runder Tisch startet nicht: Datenbank nicht auf dem Stand dieser Version: erst `migrate` ausführen \(\d+ Migration\(en\) fehlen, ab 0000_initial\)\.$/,
      ),
    ]);

    const handle = await createDatabase({ kind: "postgres", url: database.url, poolSize: 1 });
    try {
      const tables = (await handle.db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
      )) as unknown as { rows: { n: number }[] };
      expect(tables.rows[0]?.n).toBe(0);
    } finally {
      await handle.close();
    }

    // The migrate step says as plainly why it cannot run.
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toBe("");
    expect(nonEmptyLines(unreachable.stderr)).toEqual([
      expect.stringMatching(/^Migration fehlgeschlagen: .*nicht erreichbar \(ECONNREFUSED\)/),
    ]);
  }, 60_000);

  it("after `migrate`, two nodes start on the same database, Redis and key, and serve the probes", async () => {
    const migrated = await runCli("migrate.ts", { DATABASE_URL: database.url });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).toBe("");
    expect(nonEmptyLines(migrated.stdout)).toEqual([
      expect.stringMatching(/^Datenbank migriert: \d+ Migration\(en\) angewendet, zuletzt \w+\.$/),
    ]);

    // A second run of the release's step (a retried Job) while the nodes start changes nothing.
    const first = node();
    const second = node();
    const [again] = await Promise.all([
      runCli("migrate.ts", { DATABASE_URL: database.url }),
      first.start(),
      second.start(),
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(nonEmptyLines(again.stdout)).toEqual([
      "Datenbank ist bereits auf dem Stand dieser Version.",
    ]);

    const paths = [...probePathsOfDeploymentFiles().keys()];
    expect(paths.length).toBeGreaterThanOrEqual(2);
    for (const server of [first, second]) {
      for (const path of paths) {
        const response = await fetch(`${server.address}${path}`);
        expect(response.status, `${server.address}${path}`).toBe(200);
      }
      // Both reach the Redis bus the nodes share.
      const ready = await pollUntil(
        async () =>
          (await (await fetch(`${server.address}/api/health/ready`)).json()) as {
            database: string;
            bus: string;
          },
        (body) => body.bus === "connected",
        5_000,
      );
      expect(ready).toMatchObject({ database: "reachable", bus: "connected" });
      const metrics = await fetch(`${server.address}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(metrics.status).toBe(200);
    }

    for (const server of [first, second]) {
      const { code } = await server.stop("SIGTERM");
      expect(code, server.recentOutput()).toBe(0);
    }
  }, 60_000);
});
