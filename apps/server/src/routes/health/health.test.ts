import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { createTestApp, useTestApp } from "../../../test/test-app.ts";
import { waitUntil } from "../../../test/wait.ts";
import { RedisBus } from "../../collab/index.ts";

const ctx = useTestApp();

describe("health", () => {
  it("reports ok while the database answers, alive and ready, as a single process", async () => {
    for (const url of ["/api/health", "/api/health/ready"]) {
      const response = await ctx.app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: "ok", database: "reachable", bus: "none" });
    }
    const live = await ctx.app.inject({ method: "GET", url: "/api/health/live" });
    expect(live.json()).toEqual({ status: "ok" });
  });

  it("stays ready with Redis away, and says the bus is disconnected", async () => {
    // Nothing listens on port 1: the bus keeps trying, the node keeps serving.
    const bus = new RedisBus({ url: "redis://127.0.0.1:1", maxRetriesPerRequest: 0 });
    const alone = await createTestApp({}, { collaboration: { bus } });
    try {
      const response = await alone.app.inject({ method: "GET", url: "/api/health/ready" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: "ok", bus: "disconnected" });
    } finally {
      await alone.close();
      await bus.close();
    }
  });

  it("reports degraded, and API requests answer 503 in the shared shape, once the database is gone", async () => {
    const broken = await createTestApp();
    try {
      const { session } = await buildMember(broken);
      await broken.database.close();
      const health = await broken.app.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: "degraded", database: "unreachable" });
      // Alive all the same: restarting the process would not bring the database back.
      const live = await broken.app.inject({ method: "GET", url: "/api/health/live" });
      expect(live.statusCode).toBe(200);
      for (const response of [
        await session.get("/api/agencies"),
        await session.post("/api/cases", {}),
        await broken.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: "someone@example.test", password: "irrelevant" },
        }),
      ]) {
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({
          error: { code: "service_unavailable", message: expect.any(String) },
        });
      }
    } finally {
      await broken.app.close();
    }
  }, 60_000);
});

describe("malformed requests", () => {
  it("answers while a connection is held by a stuck transaction, without waiting for it", async () => {
    let sleeperDone = false;
    const sleeper = ctx.db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      })
      .finally(() => {
        sleeperDone = true;
      });
    try {
      const health = await ctx.app.inject({ method: "GET", url: "/api/health" });
      // The embedded database has one connection and reports itself busy; PostgreSQL
      // answers on another connection. Either way the answer comes before the transaction ends.
      expect([200, 503]).toContain(health.statusCode);
      expect(sleeperDone).toBe(false);
    } finally {
      await sleeper;
    }
  });

  it("logs an upload the client aborted as that, not as a database failure", async () => {
    const lines: { level: number; msg: string }[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const logged = await createTestApp({}, { logger: { level: "info", stream } });
    try {
      await logged.app.listen({ host: "127.0.0.1", port: 0 });
      const { port } = logged.app.server.address() as AddressInfo;
      const { session } = await buildMember(logged);
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          `POST /api/cases HTTP/1.1\r\nHost: localhost\r\nCookie: ${session.cookie}\r\n` +
            `X-CSRF-Token: ${session.csrfToken}\r\nContent-Type: application/json\r\n` +
            'Content-Length: 1000\r\n\r\n{"summary": "',
        );
        setTimeout(() => socket.destroy(), 50);
      });
      await waitUntil(
        () => lines.some((line) => line.msg === "client aborted the request"),
        "the abort logged",
      );
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    } finally {
      await logged.close();
    }
  });

  it("refuses a body over the limit with 413", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.post("/api/cases", {
      summary: "x".repeat(ctx.app.config.BODY_LIMIT_BYTES + 1),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("payload_too_large");
  });

  it("refuses a body that is not JSON with 415", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.request({
      method: "POST",
      url: "/api/cases",
      headers: { "content-type": "application/xml" },
      payload: "<case/>",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("answers an unknown route with 404 in the shared shape", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/nothing-here?x=1" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "not_found", message: "No route GET /api/nothing-here" },
    });
  });
});
