import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse as parseYaml } from "yaml";

const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), "utf8");

interface HttpProbe {
  httpGet?: { path?: string };
}
interface ProbedContainer {
  startupProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  readinessProbe?: HttpProbe;
}

/**
 * Every health path a deployment file asks a node for, with where it is asked: the
 * Kubernetes probes, the compose health checks, the image's HEALTHCHECK and the proxy's
 * upstream check. The server must answer each with 200.
 */
export function probePathsOfDeploymentFiles(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (path: string | undefined, where: string) => {
    if (path === undefined) return;
    found.set(path, [...(found.get(path) ?? []), where]);
  };
  for (const document of parseAllDocuments(read("kubernetes/deployment.yaml"))) {
    const deployment = document.toJS() as {
      spec?: { template?: { spec?: { containers?: ProbedContainer[] } } };
    };
    for (const container of deployment.spec?.template?.spec?.containers ?? []) {
      add(container.startupProbe?.httpGet?.path, "kubernetes startupProbe");
      add(container.livenessProbe?.httpGet?.path, "kubernetes livenessProbe");
      add(container.readinessProbe?.httpGet?.path, "kubernetes readinessProbe");
    }
  }
  const compose = parseYaml(read("compose.yaml"), { merge: true }) as {
    services: Record<string, { healthcheck?: { test?: string | string[] } }>;
  };
  for (const [name, service] of Object.entries(compose.services)) {
    const test = [service.healthcheck?.test ?? []].flat().join(" ");
    for (const match of test.matchAll(/http:\/\/127\.0\.0\.1:\d+(\/api\/[\w/]+)/g)) {
      add(match[1], `compose ${name} healthcheck`);
    }
  }
  for (const match of read("Dockerfile").matchAll(/'(\/api\/health[\w/]*)'/g)) {
    add(match[1], "Dockerfile HEALTHCHECK");
  }
  for (const match of read("compose/Caddyfile").matchAll(/health_uri (\S+)/g)) {
    add(match[1], "Caddyfile health_uri");
  }
  return found;
}
