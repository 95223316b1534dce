import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { validate as lintDockerfile, ValidationSeverity } from "dockerfile-utils";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IService } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ZEnv } from "../../apps/server/src/env.ts";
import {
  composeValidator,
  environmentOf,
  infraDirectory,
  kubernetesDirectory,
  loadCompose,
  loadManifests,
  type Manifest,
  manifestOf,
  readRepositoryFile,
  repositoryRoot,
  scriptCommand,
  unknownFieldProblems,
  validateWithKubernetesSchema,
} from "./deployment-files.ts";
import { probePathsOfDeploymentFiles } from "./probe-paths.ts";

const serverSettings = new Set(Object.keys(ZEnv.shape));
const serverVersion = (
  JSON.parse(readRepositoryFile("apps/server/package.json")) as { version: string }
).version;
const startCommand = scriptCommand("apps/server/package.json", "start");
const migrateCommand = scriptCommand("apps/server/package.json", "migrate");
/** Where the image's server listens (Dockerfile ENV PORT, also the server's default). */
const SERVER_PORT = 3000;
const NOT_MIGRATING = "false";

describe("infra/Dockerfile", () => {
  const text = readRepositoryFile("infra/Dockerfile");
  const instructions = DockerfileParser.parse(text).getInstructions();
  const stageStarts = instructions.flatMap((instruction, index) =>
    instruction.getKeyword() === "FROM" ? [index] : [],
  );
  const finalStage = instructions.slice(stageStarts.at(-1));
  const args = (instruction: Instruction | undefined) => instruction?.getArgumentsContent() ?? "";
  const inFinal = (keyword: string) =>
    finalStage.filter((instruction) => instruction.getKeyword() === keyword);

  it("passes the Docker language server's linter with every rule at warning or above", () => {
    const everyRule = ValidationSeverity.WARNING;
    const problems = lintDockerfile(text, {
      deprecatedMaintainer: everyRule,
      directiveCasing: everyRule,
      emptyContinuationLine: everyRule,
      instructionCasing: everyRule,
      instructionCmdMultiple: everyRule,
      instructionEntrypointMultiple: everyRule,
      instructionHealthcheckMultiple: everyRule,
      instructionJSONInSingleQuotes: everyRule,
      instructionWorkdirRelative: everyRule,
    });
    expect(
      problems.map((problem) => `${problem.range.start.line + 1}: ${problem.message}`),
    ).toEqual([]);
    // The linter is live: a broken file is reported.
    expect(lintDockerfile("FROM node:20\nHEALTHCHECK --interval=5 CMD true\nUSER\n")).not.toEqual(
      [],
    );
  });

  it("builds in stages and runs the server as a non-root user", () => {
    expect(stageStarts.length).toBeGreaterThanOrEqual(2);
    const user = args(inFinal("USER").at(-1));
    expect(user).not.toBe("");
    expect(user.split(":")[0]).not.toMatch(/^(root|0)$/);
    expect(args(instructions[stageStarts.at(-1) ?? 0])).toMatch(/^\$\{NODE_IMAGE\}|^node:20/);
    const nodeImage = instructions.find(
      (instruction) =>
        instruction.getKeyword() === "ARG" && args(instruction).startsWith("NODE_IMAGE="),
    );
    expect(args(nodeImage)).toMatch(/^NODE_IMAGE=node:20[.\d]*-bookworm-slim$/);
  });

  it("installs from the lockfile with the repository's pnpm, builds the web app and prunes", () => {
    const runs = instructions.filter((instruction) => instruction.getKeyword() === "RUN").map(args);
    expect(runs.some((run) => /pnpm (fetch|install)[^&]*--frozen-lockfile/.test(run))).toBe(true);
    expect(runs.some((run) => run.includes("pnpm --filter @runder-tisch/web build"))).toBe(true);
    expect(runs.some((run) => /pnpm install[^&]*--prod/.test(run))).toBe(true);
    const packageManager = (
      JSON.parse(readRepositoryFile("package.json")) as { packageManager: string }
    ).packageManager;
    expect(text).toContain(`ARG PNPM_VERSION=${packageManager.replace("pnpm@", "")}`);
  });

  it("runs like the package's start script, on 0.0.0.0:3000 in production, with a health check", () => {
    const env = Object.fromEntries(
      inFinal("ENV").flatMap((instruction) =>
        (
          instruction as unknown as {
            getProperties(): { getName(): string; getValue(): string | null }[];
          }
        )
          .getProperties()
          .map((property) => [property.getName(), property.getValue()]),
      ),
    );
    expect(env).toMatchObject({
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      PORT: String(SERVER_PORT),
    });
    for (const name of Object.keys(env)) expect(serverSettings).toContain(name);
    expect(args(inFinal("EXPOSE").at(-1))).toBe(String(SERVER_PORT));
    expect(args(inFinal("WORKDIR").at(-1))).toBe("/app/apps/server");
    const cmd = inFinal("CMD");
    expect(cmd).toHaveLength(1);
    // Exec form (a JSON array), so the server is PID 1 and receives SIGTERM itself.
    expect(JSON.parse(args(cmd[0]))).toEqual(startCommand);
    const healthcheck = inFinal("HEALTHCHECK");
    expect(healthcheck).toHaveLength(1);
    expect(args(healthcheck[0])).toContain("/api/health/live");
  });

  it("is built from a context without dependencies, data, reports or git history", () => {
    const ignored = readRepositoryFile(".dockerignore")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    for (const entry of ["**/node_modules", ".data", "test-results", ".git", "**/.env"]) {
      expect(ignored).toContain(entry);
    }
  });
});

describe("infra/compose.yaml", () => {
  const compose = loadCompose();
  const services = compose.services ?? {};
  const serverImageServices = ["migrate", "app1", "app2"];
  const service = (name: string) => {
    const found = services[name];
    if (found === undefined) throw new Error(`no service ${name}`);
    return found;
  };

  it("is valid under the compose-spec JSON schema", () => {
    const validate = composeValidator();
    expect(validate(compose)).toEqual([]);
    // The validator is live: an unknown key and a malformed duration are refused.
    expect(validate({ services: { x: { image: "a", imagee: "b" } } })).not.toEqual([]);
    expect(
      validate({ services: { x: { image: "a", healthcheck: { interval: "ten seconds" } } } }),
    ).not.toEqual([]);
  });

  it("runs postgres, redis, one migrate step, two nodes and a proxy, each with a health check", () => {
    expect(Object.keys(services).sort()).toEqual(
      ["app1", "app2", "migrate", "postgres", "proxy", "redis"].sort(),
    );
    for (const [name, definition] of Object.entries(services)) {
      if (name === "migrate") {
        // A one-shot step: the nodes wait for its exit code, not for a health state.
        expect(definition.healthcheck?.disable).toBe(true);
        expect(definition.restart).toBe("no");
      } else {
        expect(definition.healthcheck?.test, name).toBeDefined();
        expect(definition.healthcheck?.disable, name).not.toBe(true);
      }
    }
  });

  it("migrates in the migrate service only; the nodes start after it and never migrate", () => {
    const migrate = service("migrate");
    expect(migrate.command).toEqual(migrateCommand);
    expect(environmentOf(migrate).MIGRATE_ON_START).not.toBe(NOT_MIGRATING);
    for (const name of ["app1", "app2"]) {
      const node = service(name);
      expect(node.command, name).toBeUndefined();
      expect(environmentOf(node).MIGRATE_ON_START, name).toBe(NOT_MIGRATING);
      expect(node.depends_on, name).toMatchObject({
        migrate: { condition: "service_completed_successfully" },
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
      });
    }
    expect(environmentOf(service("app1"))).toEqual(environmentOf(service("app2")));
    expect(environmentOf(service("app1")).REDIS_URL).toBe("redis://redis:6379");
  });

  it("names only settings the server knows, and takes every secret from the env file", () => {
    for (const name of serverImageServices) {
      for (const key of Object.keys(environmentOf(service(name)))) {
        expect(serverSettings, `${name}: ${key}`).toContain(key);
      }
    }
    const secretReference = /^\$\{[A-Z_]+:\?[^}]+\}$/;
    const app = environmentOf(service("app1"));
    expect(app.IDENTITY_KEY).toMatch(secretReference);
    expect(app.METRICS_TOKEN).toMatch(secretReference);
    expect(environmentOf(service("postgres")).POSTGRES_PASSWORD).toMatch(secretReference);
    const password = /^postgres:\/\/runder_tisch:(.+)@postgres:5432\/runder_tisch$/.exec(
      app.DATABASE_URL ?? "",
    )?.[1];
    expect(password).toMatch(secretReference);
  });

  it("asks the nodes for readiness on the server's port; the proxy waits for both", () => {
    for (const name of ["app1", "app2"]) {
      const test = [service(name).healthcheck?.test ?? []].flat().join(" ");
      expect(test).toContain(`http://127.0.0.1:${SERVER_PORT}/api/health/ready`);
    }
    const proxy = service("proxy");
    expect(proxy.depends_on).toMatchObject({
      app1: { condition: "service_healthy" },
      app2: { condition: "service_healthy" },
    });
    expect(proxy.volumes).toContain("./compose/Caddyfile:/etc/caddy/Caddyfile:ro");
    // Only the proxy is reachable from outside.
    for (const name of ["app1", "app2", "migrate", "postgres", "redis"]) {
      expect(service(name).ports, name).toBeUndefined();
    }
  });
});

describe("infra/compose/Caddyfile", () => {
  const caddyfile = readRepositoryFile("infra/compose/Caddyfile");
  const STICKY = /lb_policy\s+(cookie|ip_hash|client_ip_hash|header|uri_hash|query|first)\b/;

  it("spreads every request round-robin over both nodes, without sticky sessions", () => {
    expect(caddyfile).not.toMatch(STICKY);
    const snippet = /\(nodes\)\s*\{([^}]*)\}/.exec(caddyfile)?.[1] ?? "";
    expect(snippet).toMatch(/^\s*lb_policy round_robin$/m);
    expect(snippet).toMatch(/^\s*health_uri \/api\/health\/ready$/m);
    const proxies = [...caddyfile.matchAll(/reverse_proxy ([^{\n]+)\{([^}]*)\}/g)];
    expect(proxies.length).toBeGreaterThanOrEqual(2);
    for (const [, upstreams, block] of proxies) {
      expect(upstreams?.trim()).toBe(`app1:${SERVER_PORT} app2:${SERVER_PORT}`);
      expect(block).toMatch(/^\s*import nodes$/m);
    }
  });

  it("does not buffer the event stream and passes the collaboration websockets on", () => {
    const events = /handle \/api\/events \{([\s\S]*?)\n\t\}/.exec(caddyfile)?.[1] ?? "";
    expect(events).toMatch(/^\s*flush_interval -1$/m);
    // Caddy forwards upgrades by itself; nothing may strip the headers that ask for one.
    const collab = /handle \/api\/collab\/\* \{([\s\S]*?)\n\t\}/.exec(caddyfile)?.[1] ?? "";
    expect(collab).toContain("reverse_proxy");
    expect(caddyfile).not.toMatch(/header_up\s+-(Upgrade|Connection)/i);
    // Compression would hold event-stream messages back.
    expect(caddyfile).toMatch(/@compressible not path \/api\/events/);
  });

  // Caddy (Debian's `caddy` package, installed by .ci/run) adapts the file to the JSON it would run.
  it("is accepted by caddy, which reads it as round-robin and unbuffered", () => {
    const adapted = JSON.parse(
      execFileSync("caddy", ["adapt", "--config", "Caddyfile", "--adapter", "caddyfile"], {
        cwd: join(infraDirectory, "compose"),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    ) as unknown;
    const handlers: Record<string, unknown>[] = [];
    const collect = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (record.handler === "reverse_proxy") handlers.push(record);
        Object.values(record).forEach(collect);
      }
    };
    collect(adapted);
    expect(handlers).toHaveLength(3);
    for (const handler of handlers) {
      expect(handler.load_balancing).toMatchObject({ selection_policy: { policy: "round_robin" } });
    }
    expect(handlers.filter((handler) => handler.flush_interval === -1)).toHaveLength(1);
  });
});

describe("infra/kubernetes", () => {
  const manifests = loadManifests();
  const deployment = manifestOf<IDeployment>(manifests, "Deployment");
  const job = manifestOf<IJob>(manifests, "Job");
  const configMap = manifestOf<IConfigMap>(manifests, "ConfigMap");
  const podSpec = deployment.spec?.template.spec;
  const server = podSpec?.containers[0] as IContainer;

  it("is valid under Kubernetes' schema, with no unknown field", async () => {
    expect(manifests.map((manifest) => manifest.doc.kind).sort()).toEqual([
      "ConfigMap",
      "Deployment",
      "Ingress",
      "Job",
      "Namespace",
      "PodDisruptionBudget",
      "Secret",
      "Service",
    ]);
    expect(await validateWithKubernetesSchema(manifests)).toEqual([]);
    expect(unknownFieldProblems(manifests)).toEqual([]);
    // Both checks are live: a wrong type and a misspelt field are reported.
    const broken: Manifest[] = [
      {
        file: "broken.yaml",
        doc: { ...deployment, spec: { ...deployment.spec, replicas: "3" } } as Manifest["doc"],
      },
    ];
    expect(await validateWithKubernetesSchema(broken)).not.toEqual([]);
    const misspelt = structuredClone(deployment) as unknown as {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    const container = misspelt.spec.template.spec.containers[0] ?? {};
    container.readinesProbe = container.readinessProbe;
    delete container.readinessProbe;
    expect(
      unknownFieldProblems([
        { file: "misspelt.yaml", doc: misspelt as unknown as Manifest["doc"] },
      ]),
    ).toEqual([expect.stringContaining("readinesProbe")]);
  }, 60_000);

  it("lists every manifest in kustomization.yaml except the example Secret", () => {
    const kustomization = parseYaml(
      readFileSync(join(kubernetesDirectory, "kustomization.yaml"), "utf8"),
    ) as { resources: string[]; namespace: string; images: { name: string; newTag: string }[] };
    const files = [...new Set(manifests.map((manifest) => manifest.file))];
    expect([...kustomization.resources].sort()).toEqual(
      files.filter((file) => file !== "secret.example.yaml").sort(),
    );
    expect(kustomization.images).toEqual([{ name: "runder-tisch", newTag: serverVersion }]);
    for (const { doc } of manifests) {
      if (doc.kind !== "Namespace") expect(doc.metadata?.namespace).toBe(kustomization.namespace);
    }
  });

  it("runs three nodes that do not migrate, with probes on the server's health routes", () => {
    expect(deployment.spec?.replicas).toBe(3);
    expect(configMap.data?.MIGRATE_ON_START).toBe(NOT_MIGRATING);
    expect(server.env?.find((variable) => variable.name === "MIGRATE_ON_START")).toBeUndefined();
    expect(server.command).toBeUndefined();
    expect(server.ports).toEqual([{ name: "http", containerPort: SERVER_PORT, protocol: "TCP" }]);
    expect(configMap.data?.PORT).toBe(String(SERVER_PORT));
    expect(configMap.data?.HOST).toBe("0.0.0.0");
    for (const probe of [server.startupProbe, server.livenessProbe, server.readinessProbe]) {
      expect(probe?.httpGet?.port).toBe("http");
    }
    expect(server.readinessProbe?.httpGet?.path).toBe("/api/health/ready");
    expect(server.livenessProbe?.httpGet?.path).toBe("/api/health/live");
    expect(server.startupProbe?.httpGet?.path).toBe("/api/health/live");
  });

  it("runs locked down, with resources and time to stop cleanly", () => {
    expect(podSpec?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(server.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
    });
    expect(server.volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
    expect(server.resources?.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(server.resources?.limits?.memory).toBeDefined();
    const preStopSeconds = Number(server.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
    expect(podSpec?.terminationGracePeriodSeconds ?? 30).toBeGreaterThan(preStopSeconds + 30);
  });

  it("takes the secrets from the Secret and names only settings the server knows", () => {
    const fromSecret = (server.env ?? [])
      .filter((variable) => variable.valueFrom?.secretKeyRef?.name === "runder-tisch-secrets")
      .map((variable) => variable.name)
      .sort();
    expect(fromSecret).toEqual(["DATABASE_URL", "IDENTITY_KEY", "METRICS_TOKEN", "REDIS_URL"]);
    const secret = manifestOf<ISecret>(manifests, "Secret");
    expect(Object.keys(secret.stringData ?? {}).sort()).toEqual(fromSecret);
    const named = [
      ...Object.keys(configMap.data ?? {}),
      ...(server.env ?? []).map((variable) => variable.name),
      ...(job.spec?.template.spec?.containers ?? []).flatMap((container) =>
        (container.env ?? []).map((variable) => variable.name),
      ),
    ];
    for (const name of named) expect(serverSettings, name).toContain(name);
  });

  it("migrates in a Job named after the release, with the Deployment's image", () => {
    expect(job.metadata?.name).toBe(`runder-tisch-migrate-${serverVersion.replaceAll(".", "-")}`);
    const migrate = job.spec?.template.spec?.containers[0];
    expect(migrate?.image).toBe(server.image);
    expect(server.image).toBe(`runder-tisch:${serverVersion}`);
    expect(migrate?.command).toEqual(migrateCommand);
    expect(migrate?.env?.find((variable) => variable.name === "MIGRATE_ON_START")).toBeUndefined();
    expect(job.spec?.template.spec?.restartPolicy).toBe("Never");
    expect(job.spec?.template.spec?.securityContext?.runAsNonRoot).toBe(true);
    expect(migrate?.securityContext?.readOnlyRootFilesystem).toBe(true);
  });

  it("keeps two nodes through disruptions and balances without affinity", () => {
    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    const budget = manifestOf<IPodDisruptionBudget>(manifests, "PodDisruptionBudget");
    const keepsTwo = budget.spec?.minAvailable === 2 || budget.spec?.maxUnavailable === 1;
    expect(keepsTwo).toBe(true);
    expect(podLabels).toMatchObject(budget.spec?.selector?.matchLabels ?? { none: "" });
    const service = manifestOf<IService>(manifests, "Service");
    expect(podLabels).toMatchObject(service.spec?.selector ?? { none: "" });
    expect(service.spec?.sessionAffinity ?? "None").toBe("None");
    expect(service.spec?.ports?.[0]?.targetPort).toBe("http");
    const ingress = manifestOf<IIngress>(manifests, "Ingress");
    const annotations = ingress.metadata?.annotations ?? {};
    expect(
      Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]),
    ).toBeGreaterThanOrEqual(3600);
    expect(
      Number(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]),
    ).toBeGreaterThanOrEqual(3600);
    expect(annotations["nginx.ingress.kubernetes.io/proxy-buffering"]).toBe("off");
    expect(Object.keys(annotations).filter((key) => /affinity|session-cookie/.test(key))).toEqual(
      [],
    );
    const backend = ingress.spec?.rules?.[0]?.http?.paths[0]?.backend.service;
    expect(backend).toEqual({ name: service.metadata?.name, port: { name: "http" } });
  });
});

describe("probe paths in the deployment files", () => {
  it("are the server's liveness and readiness routes, each asked where it belongs", () => {
    const paths = probePathsOfDeploymentFiles();
    expect([...paths.keys()].sort()).toEqual(["/api/health/live", "/api/health/ready"]);
    expect(paths.get("/api/health/ready")).toEqual(
      expect.arrayContaining([
        "kubernetes readinessProbe",
        "compose app1 healthcheck",
        "compose app2 healthcheck",
        "Caddyfile health_uri",
      ]),
    );
    expect(paths.get("/api/health/live")).toEqual(
      expect.arrayContaining([
        "kubernetes startupProbe",
        "kubernetes livenessProbe",
        "Dockerfile HEALTHCHECK",
      ]),
    );
    // That a node answers them with 200 is checked on real nodes in
    // apps/server/src/deployment.postgres.test.ts; here, that the server registers them.
    const routes = readRepositoryFile("apps/server/src/routes/health/health-routes.ts");
    for (const path of paths.keys()) expect(routes).toContain(`"${path}"`);
  });
});

describe("secrets in the deployment files", () => {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (entry === "test" || entry === "node_modules" || entry === ".env") continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(infraDirectory);
  files.push(join(repositoryRoot, ".dockerignore"));

  const PLACEHOLDER = /CHANGE-ME|PLACEHOLDER|replace-with|change-me/;
  const SECRET_NAME = /(KEY|TOKEN|PASSWORD|SECRET)S?$/;

  it("hold placeholders or references only, never a value that looks like a real key", () => {
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const file of files) {
      const name = relative(repositoryRoot, file);
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*[:=]\s*"?([^"\s#]*)"?/gm)) {
        const [, key = "", value = ""] = match;
        if (!SECRET_NAME.test(key) || value === "" || value.startsWith("${")) continue;
        if (!PLACEHOLDER.test(value)) problems.push(`${name}: ${key} is not a placeholder`);
      }
      for (const match of text.matchAll(/\/\/[^:/\s]+:([^@\s]+)@/g)) {
        const password = match[1] ?? "";
        if (!password.startsWith("${") && !PLACEHOLDER.test(password) && password !== "…") {
          problems.push(`${name}: a URL carries a password`);
        }
      }
      // 32 random bytes in base64 (an IDENTITY_KEY) or a long hex token, anywhere.
      for (const match of text.matchAll(/[A-Za-z0-9+/]{43}=|\b[0-9a-f]{32,}\b/g)) {
        problems.push(`${name}: key-like string ${match[0].slice(0, 6)}…`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("marks the example Secret and the example env file as placeholders", () => {
    const secret = readFileSync(join(kubernetesDirectory, "secret.example.yaml"), "utf8");
    expect(secret).toMatch(/^# EXAMPLE WITH PLACEHOLDERS/);
    const env = readFileSync(join(infraDirectory, "compose", "env.example"), "utf8");
    expect(env).toMatch(/^# PLACEHOLDERS ONLY/);
    expect(readRepositoryFile(".gitignore").split("\n")).toContain(".env");
  });
});
