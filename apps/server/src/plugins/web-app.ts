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

// Inline styles are needed by the editor's coloured carets; scripts come from this origin only.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/**
 * Serves the web app next to the API: hashed assets with a long cache life, and
 * index.html for every other GET outside /api so client-side routes survive a reload.
 * Without a build it only logs, so the API runs on its own in development and tests.
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
      .header("content-security-policy", CONTENT_SECURITY_POLICY)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "same-origin")
      .send(indexHtml);

  app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    // Unknown API paths keep the API's JSON 404 instead of getting the HTML page.
    if (request.url === "/api" || request.url.startsWith("/api/")) return reply.callNotFound();
    return sendIndex(reply);
  });
};
