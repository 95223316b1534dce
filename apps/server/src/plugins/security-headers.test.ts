import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildConferenceScenario } from "../../test/builders.ts";
import { listenOnLoopback } from "../../test/collab-client.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { securityHeadersPlugin } from "./security-headers.ts";
import { webAppPlugin } from "./web-app.ts";

function expectProtected(headers: Record<string, unknown>, what: string) {
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(String(headers["content-security-policy"]), what).toContain("frame-ancestors 'none'");
}

let ctx: TestContext;
let base: string;
beforeAll(async () => {
  ctx = await createTestApp({ REQUEST_TIMEOUT_MS: "1000" });
  base = await listenOnLoopback(ctx.app);
});
afterAll(() => ctx.close());

describe("headers on every response", () => {
  it("protects API answers, refusals and the API documentation", async () => {
    for (const url of ["/api/health", "/api/me", "/api/nowhere", "/api/docs/"]) {
      const response = await ctx.app.inject({ method: "GET", url });
      expectProtected(response.headers, url);
    }
  });

  it("serves the web app's files, index.html included, under the app's policy", async () => {
    const distDir = mkdtempSync(join(tmpdir(), "rt-dist-"));
    mkdirSync(join(distDir, "assets"));
    writeFileSync(join(distDir, "index.html"), "<!doctype html><title>Runder Tisch</title>");
    writeFileSync(join(distDir, "assets", "app-1234.js"), "console.log(1)");
    const web = Fastify();
    await web.register(securityHeadersPlugin);
    await web.register(webAppPlugin, { distDir });
    try {
      for (const url of ["/", "/index.html", "/faelle", "/assets/app-1234.js"]) {
        const response = await web.inject({ method: "GET", url });
        expect(response.statusCode, url).toBe(200);
        expectProtected(response.headers, url);
        expect(String(response.headers["content-security-policy"])).toContain("script-src 'self'");
        expect(String(response.headers["content-security-policy"])).not.toMatch(/ws:|wss:/);
      }
    } finally {
      await web.close();
    }
  });
});

describe("the conference socket", () => {
  async function upgradeStatus(url: string, headers: Record<string, string>) {
    return new Promise<number>((resolve) => {
      const socket = new WebSocket(url, { headers });
      socket.on("open", () => {
        resolve(101);
        socket.close();
      });
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      socket.on("error", () => resolve(0));
    });
  }

  it("opens from this site, and refuses a page of another site that carries the cookie", async () => {
    const { owner, conference } = await buildConferenceScenario(ctx);
    const url = `${base}/${conference.id}`;
    const here = new URL(base.replace("ws:", "http:")).origin;
    const cookie = owner.session.cookie;
    expect(await upgradeStatus(url, { cookie, origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(url, { cookie, origin: "null" })).toBe(403);
    expect(await upgradeStatus(url, { cookie, origin: here })).toBe(101);
  });
});

describe("slow requests", () => {
  it("ends a request whose body stops arriving", async () => {
    const { port } = new URL(base.replace("ws:", "http:"));
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      let received = "";
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{}",
        );
      });
      socket.on("data", (chunk) => {
        received += chunk.toString();
      });
      socket.on("close", () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // The limit is one second here; Node checks it on a timer of its own, at most a few seconds late.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
