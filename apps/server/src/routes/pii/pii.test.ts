import { PII_CHECK_MAX_CHARS } from "@runder-tisch/contracts";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { PII_CHECK_BODY_LIMIT } from "./pii-routes.ts";

const ctx = useTestApp();

describe("POST /api/pii/check", () => {
  it("returns the findings with offsets, kind and text", async () => {
    const { session } = await buildMember(ctx);
    const text =
      "Herr Camara (geb. 12.03.1998) ist unter 0176 12345678 erreichbar. Der Klient kommt.";
    const response = await session.post("/api/pii/check", { text });
    expect(response.statusCode).toBe(200);
    const { findings } = response.json<{ findings: { start: number; end: number }[] }>();
    expect(findings).toEqual([
      { start: 0, end: 11, kind: "person_name", text: "Herr Camara" },
      { start: 18, end: 28, kind: "birth_date", text: "12.03.1998" },
      { start: 40, end: 53, kind: "phone", text: "0176 12345678" },
    ]);
  });

  it("answers an anonymised note with no findings", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.post("/api/pii/check", {
      text: "RT-2026-0007: Die ABH prüft § 104c AufenthG, Wiedervorlage am 15.03.2027.",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ findings: [] });
  });

  it("refuses anonymous callers before reading the body", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/pii/check",
      payload: { text: "x".repeat(PII_CHECK_BODY_LIMIT) },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("unauthenticated");
  });

  it("rejects a text longer than the limit with the shared error shape", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.post("/api/pii/check", {
      text: "a".repeat(PII_CHECK_MAX_CHARS + 1),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  });

  it("rejects a body above the byte limit as too large", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.post("/api/pii/check", {
      text: "a".repeat(PII_CHECK_BODY_LIMIT),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("payload_too_large");
  });

  it("rejects malformed bodies", async () => {
    const { session } = await buildMember(ctx);
    const missing = await session.post("/api/pii/check", {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe("validation_failed");
    const wrongType = await session.post("/api/pii/check", { text: 42 });
    expect(wrongType.statusCode).toBe(400);
    const notJson = await session.request({
      method: "POST",
      url: "/api/pii/check",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe("bad_request");
  });
});
