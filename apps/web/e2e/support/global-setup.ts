import { buildForProduction } from "../../scripts/production-build.ts";

/** One production build for all browser tests; the servers they start serve it. */
export default async function setup(): Promise<void> {
  await buildForProduction();
}
