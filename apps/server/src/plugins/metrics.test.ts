import { describe, expect, it } from "vitest";
import { buildConferenceScenario, buildMember } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { seriesValue } from "../../test/metrics-text.ts";
import { createTestApp, useTestApp } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";

const TOKEN = "metrics-token-for-the-test";
const ctx = useTestApp({ METRICS_TOKEN: TOKEN });

const scrape = async (token = TOKEN) =>
  ctx.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${token}` } });

describe("metrics", () => {
  it("are not there without a token, and refuse a wrong one", async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
    expect((await ctx.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    expect((await scrape("wrong-token-of-the-same-size")).statusCode).toBe(401);
  });

  it("show the collaboration figures while people edit, requests by route and the audit rate", async () => {
    const base = await listenOnLoopback(ctx.app);
    const { owner, conference } = await buildConferenceScenario(ctx, {});
    const auditedBefore = seriesValue((await scrape()).body, "runder_tisch_audit_entries_total");
    const editor = openDocument(base, conference.id, { cookie: owner.session.cookie });
    try {
      await waitUntil(() => editor.provider.synced, "synced");
      editor.doc.getText("probe").insert(0, "Ziel: Sprachkurs B1");
      const during = (await scrape()).body;
      expect(seriesValue(during, "runder_tisch_collab_connections")).toBe(1);
      expect(seriesValue(during, "runder_tisch_collab_documents_loaded")).toBe(1);
      expect(seriesValue(during, "runder_tisch_bus_connected")).toBe(1);
    } finally {
      editor.destroy();
    }

    const member = await buildMember(ctx);
    await member.session.get("/api/cases");
    // Letters, not digits: a figure of the scrape could happen to contain any number.
    await ctx.app.inject({ method: "GET", url: "/api/no/such/path/nowhere-probe" });
    const after = (await scrape()).body;
    expect(seriesValue(after, "runder_tisch_audit_entries_total")).toBeGreaterThan(auditedBefore);
    expect(after).toMatch(
      /runder_tisch_http_request_duration_seconds_count\{method="GET",route="\/api\/cases",status="200"\} [1-9]/,
    );
    // A path no route matches is one series, whatever was asked.
    expect(after).toContain('route="unmatched"');
    expect(after).not.toContain("nowhere-probe");
    expect(after).toContain("runder_tisch_process_cpu_seconds_total");
  });

  it("show the database pool on PostgreSQL and nothing for the embedded database", async () => {
    await ctx.app.inject({ method: "GET", url: "/api/no/such/path" });
    const text = (await scrape()).body;
    if (ctx.database.kind === "pglite") {
      expect(text).not.toContain("runder_tisch_db_pool_");
      return;
    }
    const open = seriesValue(text, "runder_tisch_db_pool_connections");
    expect(open).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, "runder_tisch_db_pool_idle_connections")).toBeLessThanOrEqual(open);
    expect(seriesValue(text, "runder_tisch_db_pool_waiting_queries")).toBeGreaterThanOrEqual(0);
    expect(seriesValue(text, "runder_tisch_db_pool_max_connections")).toBeGreaterThanOrEqual(open);
  });

  it("count retention runs by outcome, with their duration and the last success", async () => {
    const runs = 'runder_tisch_job_runs_total{task="retention",outcome="success"}';
    const failures = 'runder_tisch_job_runs_total{task="retention",outcome="failure"}';
    const durations = 'runder_tisch_job_duration_seconds_count{task="retention"}';
    const lastSuccess = 'runder_tisch_job_last_success_timestamp_seconds{task="retention"}';
    const before = (await scrape()).body;
    expect(before).not.toContain(lastSuccess);
    const startedAt = Date.now() / 1000;
    const admin = await buildMember(ctx, { role: "platform_admin" });
    expect((await admin.session.post("/api/admin/retention/run", {})).statusCode).toBe(200);

    const after = (await scrape()).body;
    expect(seriesValue(after, runs) - seriesValue(before, runs)).toBe(1);
    expect(seriesValue(after, failures)).toBe(seriesValue(before, failures));
    expect(seriesValue(after, durations) - seriesValue(before, durations)).toBe(1);
    expect(seriesValue(after, lastSuccess)).toBeGreaterThanOrEqual(Math.floor(startedAt));
    expect(seriesValue(after, lastSuccess)).toBeLessThanOrEqual(Date.now() / 1000);
  });
});
