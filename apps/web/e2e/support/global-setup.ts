import { fileURLToPath } from "node:url";
import { build } from "vite";

/** One production build for all browser tests; the servers they start serve it. */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root,
      mode: "production",
      logLevel: "warn",
      configFile: `${root}/vite.config.ts`,
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
