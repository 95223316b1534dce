import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { waitHealthy } from "../crash/demo-api.ts";
import { randomInt } from "../crash/random.ts";
import { ServerProcess } from "../crash/server-process.ts";
import { freePort, RedisProcess } from "./redis-process.ts";
import { RoundRobinProxy } from "./tcp-proxy.ts";

/** A server node as the proxy sees it: takes new connections only while `live`. */
class Node {
  live = false;
  /** The node's latest restart after a kill; awaited when the cluster recovers. */
  restart: Promise<void> = Promise.resolve();

  constructor(readonly server: ServerProcess) {}

  get port(): number {
    return Number(new URL(this.server.address).port);
  }

  async start(): Promise<void> {
    await this.server.start();
    await waitHealthy(this.server.address, 20_000);
    this.live = true;
  }

  async kill(): Promise<void> {
    this.live = false;
    await this.server.kill();
  }
}

/**
 * Server nodes on one PostgreSQL database and one Redis of their own, behind a
 * round-robin proxy, with the demo Kreis; nodes and Redis can be SIGKILLed and
 * come back after a while, as a restarting service would.
 */
export class Cluster {
  private readonly nodes: Node[];
  private readonly redis: RedisProcess;
  private readonly proxy: RoundRobinProxy;
  private redisRestart: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    redisPort: number,
    databaseUrl: string,
    size: number,
  ) {
    this.redis = new RedisProcess(redisPort);
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: this.redis.url,
      // One DATA_DIR: the first node writes identity.key there, the others read it.
      DATA_DIR: dataDir,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
    };
    this.nodes = Array.from(
      { length: size },
      (_, index) =>
        new Node(new ServerProcess({ env: index === 0 ? { ...env, SEED_DEMO: "true" } : env })),
    );
    this.proxy = new RoundRobinProxy(() =>
      this.nodes.filter((node) => node.live).map((node) => node.port),
    );
  }

  static async start(databaseUrl: string, size: number): Promise<Cluster> {
    const cluster = new Cluster(
      await mkdtemp(join(tmpdir(), "rt-cluster-")),
      await freePort(),
      databaseUrl,
      size,
    );
    try {
      await cluster.redis.start();
      // The first node migrates and seeds; the others start on the finished database.
      await cluster.nodes[0]?.start();
      await Promise.all(cluster.nodes.slice(1).map((node) => node.start()));
      await cluster.proxy.listen();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Where clients go: the proxy. */
  get address(): string {
    return this.proxy.address;
  }

  get wsBase(): string {
    return `${this.proxy.address.replace(/^http/, "ws")}/api/collab`;
  }

  get redisRunning(): boolean {
    return this.redis.running;
  }

  /** Kills Redis; it comes back after `downMs`, or when `recover` or `restartRedis` is called. */
  async killRedis(downMs?: number): Promise<void> {
    await this.redis.kill();
    if (downMs !== undefined) {
      this.redisRestart = sleep(downMs).then(() => this.redis.start());
      // Awaited in `recover`; a run that fails before must not also crash on it.
      this.redisRestart.catch(() => {});
    }
  }

  restartRedis(): Promise<void> {
    return this.redis.start();
  }

  /**
   * Kills a random serving node, always leaving one to serve (waiting for a
   * restart if need be); it comes back after `downMs`. Returns its number.
   */
  async killNode(random: () => number, downMs: number): Promise<number> {
    while (this.nodes.filter((node) => node.live).length < 2) await sleep(20);
    const live = this.nodes.filter((node) => node.live);
    const victim = live[randomInt(random, live.length)] as Node;
    await victim.kill();
    victim.restart = sleep(downMs).then(() => victim.start());
    victim.restart.catch(() => {});
    return this.nodes.indexOf(victim) + 1;
  }

  /** Resolves once every node serves and Redis runs again. */
  async recover(): Promise<void> {
    await this.redisRestart;
    await this.redis.start();
    await Promise.all(this.nodes.map((node) => node.restart));
    if (!this.nodes.every((node) => node.live)) throw new Error("a node did not come back");
  }

  async stop(): Promise<void> {
    await this.proxy.close();
    await Promise.all(this.nodes.map((node) => node.kill()));
    await this.redis.kill();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
