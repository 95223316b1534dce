import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply } from "fastify";

export interface WebAppOptions {
  /** The built web app (`vite build` output); defaults to apps/web/dist. */
  distDir?: string;
}

const defaultDistDir = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/**
 * Serves the web app next to the API: hashed assets with a long cache life, and
 * index.html for every other GET outside /api so client-side routes survive a reload.
 * Without a build it only logs, so the API runs on its own in development and tests.
 * Security headers come from security-headers.ts, for these files as for the API.
 */
export const webAppPlugin: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const distDir = options.distDir ?? defaultDistDir;
  const indexPath = join(distDir, "index.html");
  if (!existsSync(indexPath)) {
    app.log.info({ distDir }, "web app not built; serving the API only");
    return;
  }
  // Read once: the file is small and only changes with a new build (and a restart).
  const indexHtml = await readFile(indexPath);

  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    serve: true,
    setHeaders(response, path) {
      const hashed = path.includes(`${join(distDir, "assets")}`);
      response.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });

  const sendIndex = (reply: FastifyReply) =>
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(indexHtml);

  app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    // Unknown API paths keep the API's JSON 404 instead of getting the HTML page.
    if (request.url === "/api" || request.url.startsWith("/api/")) return reply.callNotFound();
    return sendIndex(reply);
  });
};
