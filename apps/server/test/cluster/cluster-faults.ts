import { setTimeout as sleep } from "node:timers/promises";
import { createDatabase } from "@runder-tisch/db";
import { DEMO_AGENCIES } from "@runder-tisch/db/seed";
import * as Y from "yjs";
import { DocumentStore } from "../../src/live/document-store.ts";
import { CSRF_HEADER } from "../../src/sessions/request-session.ts";
import { findConference, signInDemo } from "../crash/demo-api.ts";
import { createRandom, randomInt } from "../crash/random.ts";
import { markersIn, RawDocClient } from "../crash/raw-doc-client.ts";
import { Cluster } from "./cluster.ts";

/*
 * Three server nodes on one PostgreSQL database and one Redis, behind a
 * round-robin proxy, while clients edit one conference document through the
 * proxy. Nodes and Redis are SIGKILLed at seeded moments and restarted; now
 * and then the case owner revokes an agency's sharing basis in the middle of
 * it, sometimes while Redis is down. What must hold: no acknowledged edit is
 * lost, every client converges soon after the last recovery, and a revoked
 * agency's sockets close within two seconds on whichever node they are.
 */

export interface ClusterFaultOptions {
  seed: number;
  /** Kills of a node or of Redis. */
  kills: number;
  /** Revocations during the run; every other one while Redis is down. */
  revocations: number;
  /** A PostgreSQL database nobody else uses; the nodes migrate and seed it. */
  databaseUrl: string;
  log?: (line: string) => void;
}

export interface RevocationFigure {
  agency: string;
  busDown: boolean;
  /** Sockets the agency had open on the document (the proxy spreads them over the nodes). */
  sockets: number;
  /** From the revocation in the database until the last of those sockets was closed by the server. */
  closedAfterMs: number;
  /** How the server closed them (4410: access revoked). */
  closeCodes: number[];
  /** How long the revocation request took, sent to answered (a busy node answers late). */
  requestMs: number;
  /** Edits of the revoked agency acknowledged although typed more than 2 s after the revocation. */
  acknowledgedLate: number;
  /** Whether a new socket of the revoked agency was refused. */
  reconnectRefused: boolean;
}

export interface ClusterFaultReport {
  seed: number;
  nodeKills: number;
  redisKills: number;
  /** Distinct edits the server acknowledged as durable over the run. */
  acknowledged: number;
  /** Acknowledged edits missing from the document loaded afresh at the end. */
  lostAcknowledged: string[];
  /** Of those, the ones the database itself lacks (read with the store, no node involved). */
  lostInDatabase: string[];
  /** Whether the loading client's copy holds content waiting for something it never got. */
  loaderPending: boolean;
  /** From the moment every node and Redis were back until every client held the same document. */
  convergedAfterMs: number;
  revocations: RevocationFigure[];
  /** Protocol surprises seen by any client. */
  violations: string[];
  /** How often the people's sockets were closed, by close code (1006: their node died). */
  writerCloseCodes: Record<string, number>;
  durationMs: number;
}

const NODES = 3;
const REVOCATION_DEADLINE_MS = 2_000;
const CONVERGENCE_LIMIT_MS = 30_000;
const CASE_CODE = "RT-2026-0007";
const OWNER_COORDINATOR = "kim.koordination@demo.test";
const WRITER_LOGINS = ["kim@demo.test", "kim@demo.test", "abh@demo.test", "abh@demo.test"];
const REVOKED_AGENCIES = ["caritas", "jc"] as const;

/** A person editing through the proxy: reconnects whenever the socket drops, writes while it is up. */
class Writer {
  readonly client: RawDocClient;
  /** When (wall clock) each of its markers was typed, to tell late acknowledgements apart. */
  readonly typedAt = new Map<string, number>();
  private writing = true;
  private stopped = false;
  private readonly runs: Promise<void>[] = [];

  constructor(
    name: string,
    private readonly wsBase: string,
    private readonly documentName: string,
    private readonly cookie: string,
    private readonly random: () => number,
  ) {
    this.client = new RawDocClient(name);
  }

  /** Whether it reconnects after its socket closed; the revoked agency stops trying. */
  reconnect = true;
  /** When (wall clock, as the database's) the current connection closed, if it has; and the close codes of all its connections. */
  closedAt: number | null = null;
  readonly closeCodes: number[] = [];

  start(): void {
    this.runs.push(this.stayConnected(), this.type());
  }

  /** Stops typing; the connection stays, so what was typed still syncs. */
  stopTyping(): void {
    this.writing = false;
  }

  get settled(): boolean {
    return (
      this.client.isOpen && this.client.synced && this.client.savedCount === this.client.sentCount
    );
  }

  async stop(): Promise<void> {
    this.writing = false;
    this.stopped = true;
    this.client.terminate();
    await Promise.all(this.runs);
    this.client.destroy();
  }

  private async stayConnected(): Promise<void> {
    while (!this.stopped && this.reconnect) {
      try {
        this.closedAt = null;
        await this.client.connect(this.wsBase, this.documentName, this.cookie);
        await this.client.whenClosed();
        this.closedAt = Date.now();
        this.closeCodes.push(this.client.closeCode ?? 0);
      } catch {
        // No node took the connection (all down, or refused): try again shortly.
      }
      if (this.reconnect) await sleep(100 + randomInt(this.random, 200));
    }
  }

  private async type(): Promise<void> {
    for (let index = 0; this.writing; index += 1) {
      if (this.client.isOpen && this.client.synced) {
        const marker = `‹${this.client.name}.${index}›`;
        this.typedAt.set(marker, Date.now());
        this.client.insertMarker(marker, (n) => randomInt(this.random, n));
      }
      // A fast typist: about 25 edits a second. All nodes, PostgreSQL and the clients share
      // this machine's cores, so a faster pace would measure the machine, not the nodes.
      await sleep(20 + randomInt(this.random, 40));
    }
  }
}

/** A REST call through the proxy, retried while the node it reached dies under it. */
async function callThrough(
  address: string,
  path: string,
  init: { method: string; cookie: string; csrfToken?: string; body?: unknown },
): Promise<Response> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      return await fetch(`${address}${path}`, {
        method: init.method,
        headers: {
          cookie: init.cookie,
          ...(init.csrfToken ? { [CSRF_HEADER]: init.csrfToken } : {}),
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          // A fresh connection each time: a kept-alive one may lead to a node that is gone.
          connection: "close",
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (error) {
      lastError = error;
      await sleep(50);
    }
  }
  throw new Error(`${init.method} ${path} failed through the proxy: ${String(lastError)}`);
}

async function expectStatus(response: Response, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json() as Promise<Record<string, unknown>>;
}

export async function runClusterFaults(options: ClusterFaultOptions): Promise<ClusterFaultReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const random = createRandom(options.seed);
  const writers: Writer[] = [];
  /** Every client of the run, the revoked agencies' included: their acknowledged edits count too. */
  const everyone: RawDocClient[] = [];
  const report: ClusterFaultReport = {
    seed: options.seed,
    nodeKills: 0,
    redisKills: 0,
    acknowledged: 0,
    lostAcknowledged: [],
    lostInDatabase: [],
    loaderPending: false,
    convergedAfterMs: Number.NaN,
    revocations: [],
    violations: [],
    writerCloseCodes: {},
    durationMs: 0,
  };
  const cluster = await Cluster.start(options.databaseUrl, NODES);
  try {
    const owner = await signInDemo(cluster.address, OWNER_COORDINATOR);
    const conferenceId = await findConference(cluster.address, owner.cookie, CASE_CODE, "planned");
    const caseId = await findCaseId(cluster.address, owner.cookie);
    const revocable = await Promise.all(
      REVOKED_AGENCIES.map(async (slug) => ({
        slug,
        session: await signInDemo(cluster.address, `${slug}@demo.test`),
        ...(await activeBasisOf(cluster.address, owner.cookie, caseId, slug)),
      })),
    );

    for (const [index, email] of WRITER_LOGINS.entries()) {
      const { cookie } = await signInDemo(cluster.address, email);
      const writer = new Writer(
        `w${index}`,
        cluster.wsBase,
        conferenceId,
        cookie,
        createRandom(options.seed * 31 + index),
      );
      writers.push(writer);
      everyone.push(writer.client);
      writer.start();
    }

    const rounds = revocationRounds(options.kills, options.revocations);
    for (let kill = 1; kill <= options.kills; kill += 1) {
      const round = rounds.get(kill);
      // Every other revocation right after killing Redis, which then stays down for it.
      const killRedis =
        round !== undefined ? round % 2 === 1 : cluster.redisRunning && randomInt(random, 5) === 0;
      if (killRedis && cluster.redisRunning) {
        await cluster.killRedis(round === undefined ? randomInt(random, 3_000) : undefined);
        report.redisKills += 1;
        log(`kill ${kill}: redis`);
      } else {
        const node = await cluster.killNode(random, randomInt(random, 800));
        report.nodeKills += 1;
        log(`kill ${kill}: node ${node}`);
      }
      if (round !== undefined) {
        const target = revocable[(round - 1) % revocable.length];
        if (target === undefined) throw new Error("no agency to revoke");
        const figure = await revokeDuringFaults({
          address: cluster.address,
          wsBase: cluster.wsBase,
          conferenceId,
          caseId,
          owner,
          target,
          busDown: !cluster.redisRunning,
          random,
          clients: everyone,
          name: `r${round}`,
        });
        report.revocations.push(figure);
        log(`revocation ${round}: ${JSON.stringify(figure)}`);
        await cluster.restartRedis();
      }
      await sleep(200 + randomInt(random, 1_000));
    }

    await cluster.recover();
    const recoveredAt = performance.now();
    for (const writer of writers) writer.stopTyping();
    const converged = await waitForConvergence(writers, CONVERGENCE_LIMIT_MS);
    report.convergedAfterMs = converged ? performance.now() - recoveredAt : Number.NaN;

    // What a client that never saw the document loads: the database's state, through any node.
    const loader = new RawDocClient("loader");
    everyone.push(loader);
    await loader.connect(cluster.wsBase, conferenceId, owner.cookie);
    const deadline = Date.now() + 10_000;
    while (!loader.synced && Date.now() < deadline) await sleep(20);
    const stored = new Set(markersIn(loader.text.toString()));
    const acknowledged = new Set(everyone.flatMap((client) => [...client.acked]));
    report.acknowledged = acknowledged.size;
    report.lostAcknowledged = [...acknowledged].filter((marker) => !stored.has(marker));
    report.loaderPending = loader.doc.store.pendingStructs !== null;
    const inDatabase = new Set(markersIn(await storedText(options.databaseUrl, conferenceId)));
    report.lostInDatabase = [...acknowledged].filter((marker) => !inDatabase.has(marker));
    report.violations = everyone.flatMap((client) => client.violations);
    for (const code of writers.flatMap((writer) => writer.closeCodes)) {
      report.writerCloseCodes[code] = (report.writerCloseCodes[code] ?? 0) + 1;
    }
    return report;
  } finally {
    await Promise.all(writers.map((writer) => writer.stop()));
    for (const client of everyone) client.destroy();
    await cluster.stop();
    report.durationMs = performance.now() - started;
  }
}

/** The document as the update log holds it, read directly from the database. */
async function storedText(databaseUrl: string, conferenceId: string): Promise<string> {
  const handle = await createDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 });
  try {
    const stored = await new DocumentStore(handle.db).load(conferenceId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc.getText("crashProbe").toString();
  } finally {
    await handle.close();
  }
}

/** After which kill each revocation round comes (kill number -> round), spread over the run. */
function revocationRounds(kills: number, revocations: number): Map<number, number> {
  const rounds = new Map<number, number>();
  for (let round = 1; round <= revocations; round += 1) {
    rounds.set(Math.max(1, Math.floor((round * kills) / (revocations + 1))), round);
  }
  return rounds;
}

interface RevocableAgency {
  slug: string;
  agencyId: string;
  basisId: string;
  session: { cookie: string; csrfToken: string };
}

async function findCaseId(address: string, cookie: string): Promise<string> {
  const response = await callThrough(address, `/api/cases?q=${CASE_CODE}`, {
    method: "GET",
    cookie,
  });
  const { cases } = (await expectStatus(response, 200, "case list")) as {
    cases: { id: string; code: string }[];
  };
  const found = cases.find((row) => row.code === CASE_CODE);
  if (found === undefined) throw new Error(`${CASE_CODE} not visible to its owner`);
  return found.id;
}

async function activeBasisOf(
  address: string,
  cookie: string,
  caseId: string,
  slug: string,
): Promise<{ agencyId: string; basisId: string }> {
  const name = DEMO_AGENCIES.find((agency) => agency.slug === slug)?.name;
  const response = await callThrough(address, `/api/cases/${caseId}/sharing-bases`, {
    method: "GET",
    cookie,
  });
  const { sharingBases } = (await expectStatus(response, 200, "sharing bases")) as {
    sharingBases: { id: string; active: boolean; agency: { id: string; name: string } }[];
  };
  const basis = sharingBases.find((row) => row.active && row.agency.name === name);
  if (basis === undefined) throw new Error(`${slug} has no active basis on ${CASE_CODE}`);
  return { agencyId: basis.agency.id, basisId: basis.id };
}

interface RevocationRound {
  /** The proxy's address. */
  address: string;
  wsBase: string;
  conferenceId: string;
  caseId: string;
  owner: { cookie: string; csrfToken: string };
  target: RevocableAgency;
  busDown: boolean;
  random: () => number;
  /** The run's list of clients, which the round's clients join. */
  clients: RawDocClient[];
  name: string;
}

/**
 * The agency opens the document twice (the proxy spreads the sockets over the
 * nodes) and keeps typing; the owner revokes its basis through whichever node
 * the proxy picks. Then the basis is granted again for the next round.
 */
async function revokeDuringFaults(round: RevocationRound): Promise<RevocationFigure> {
  const { address, target } = round;
  const typists = [0, 1].map(
    (index) =>
      new Writer(
        `${target.slug}-${round.name}-${index}`,
        round.wsBase,
        round.conferenceId,
        target.session.cookie,
        round.random,
      ),
  );
  try {
    for (const typist of typists) {
      round.clients.push(typist.client);
      typist.start();
    }
    // Both open, synced and typing; from the revocation on they no longer reconnect.
    const openBy = Date.now() + 10_000;
    const bothOpen = () => typists.every((typist) => typist.client.isOpen && typist.client.synced);
    while (!bothOpen() && Date.now() < openBy) await sleep(20);
    if (!bothOpen()) {
      throw new Error(`${round.name}: ${target.slug} could not open the document before revoking`);
    }
    for (const typist of typists) typist.reconnect = false;
    const sentAt = Date.now();
    const revoked = await callThrough(
      address,
      `/api/cases/${round.caseId}/sharing-bases/${target.basisId}/revoke`,
      { method: "POST", ...round.owner, body: { note: "Einwilligung widerrufen" } },
    );
    const answer = await expectStatus(revoked, 200, `${round.name}: revoking ${target.slug}`);
    const answeredAt = Date.now();
    // The time the database gave the revocation (its transaction's start, so a little
    // before the commit): the server and this test share one clock.
    const revokedAt = Date.parse(String(answer.revokedAt));
    const closeBy = Date.now() + 10_000;
    while (typists.some((typist) => typist.closedAt === null) && Date.now() < closeBy) {
      await sleep(10);
    }
    const lastClose = Math.max(
      ...typists.map((typist) => typist.closedAt ?? Number.POSITIVE_INFINITY),
    );
    const late = revokedAt + REVOCATION_DEADLINE_MS;
    const acknowledgedLate = typists.reduce(
      (count, typist) =>
        count +
        [...typist.client.acked].filter((marker) => (typist.typedAt.get(marker) ?? 0) > late)
          .length,
      0,
    );
    const reconnectRefused = await isRefused(
      round.wsBase,
      round.conferenceId,
      target.session.cookie,
    );

    const granted = await callThrough(address, `/api/cases/${round.caseId}/sharing-bases`, {
      method: "POST",
      ...round.owner,
      body: {
        agencyId: target.agencyId,
        purpose: "Aufenthaltssicherung und Arbeitsmarktintegration",
        categories: ["general"],
        legalBasis: { kind: "statute", norm: "§ 69 Abs. 1 Nr. 1 SGB X" },
      },
    });
    target.basisId = String((await expectStatus(granted, 201, `${round.name}: granting again`)).id);
    return {
      agency: target.slug,
      busDown: round.busDown,
      sockets: typists.length,
      closedAfterMs: lastClose - revokedAt,
      closeCodes: typists.map((typist) => typist.client.closeCode ?? 0),
      requestMs: answeredAt - sentAt,
      acknowledgedLate,
      reconnectRefused,
    };
  } finally {
    await Promise.all(typists.map((typist) => typist.stop()));
  }
}

/** A socket the server refuses: at the upgrade, or closed before it ever syncs. */
async function isRefused(wsBase: string, documentName: string, cookie: string): Promise<boolean> {
  const probe = new RawDocClient("probe");
  try {
    await probe.connect(wsBase, documentName, cookie);
  } catch {
    return true;
  }
  const closed = await Promise.race([
    probe.whenClosed().then(() => true),
    sleep(2_000).then(() => false),
  ]);
  const refused = closed && !probe.synced;
  probe.destroy();
  return refused;
}

/** Until every writer is connected, saved and holds the same markers as every other. */
async function waitForConvergence(writers: readonly Writer[], limitMs: number): Promise<boolean> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (writers.every((writer) => writer.settled)) {
      const texts = writers.map((writer) =>
        [...markersIn(writer.client.text.toString())].sort().join(""),
      );
      if (texts.every((text) => text === texts[0])) return true;
    }
    await sleep(20);
  }
  return false;
}
