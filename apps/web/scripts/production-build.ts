import { mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

export const webRoot = fileURLToPath(new URL("..", import.meta.url));
export const distDir = fileURLToPath(new URL("../dist", import.meta.url));
/**
 * Which chunks each page loads, from Vite's manifest. It is moved out of dist/ because the
 * server publishes everything there, and nobody else needs it.
 */
export const manifestPath = join(webRoot, "node_modules", ".cache", "bundle-manifest.json");

/**
 * The build the server serves. The browser tests and the bundle report both use it,
 * so the sizes in docs/benchmarks.md are those of the files the tests load.
 */
export async function buildForProduction(): Promise<Awaited<ReturnType<typeof build>>> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    const output = await build({
      root: webRoot,
      mode: "production",
      logLevel: "warn",
      configFile: `${webRoot}/vite.config.ts`,
      build: { manifest: true },
    });
    mkdirSync(dirname(manifestPath), { recursive: true });
    renameSync(join(distDir, ".vite", "manifest.json"), manifestPath);
    rmSync(join(distDir, ".vite"), { recursive: true, force: true });
    return output;
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
