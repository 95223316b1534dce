import { describe, expect, it } from "vitest";
import { buildConferenceScenario, buildMember } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { createTestApp, useTestApp } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";

const TOKEN = "metrics-token-for-the-test";
const ctx = useTestApp({ METRICS_TOKEN: TOKEN });

const scrape = async (token = TOKEN) =>
  ctx.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${token}` } });

/** The value of one unlabelled series in the Prometheus text. */
function seriesValue(text: string, name: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no ${name} in the metrics`);
  return Number(line.slice(name.length + 1));
}

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
    await ctx.app.inject({ method: "GET", url: "/api/no/such/path/4711" });
    const after = (await scrape()).body;
    expect(seriesValue(after, "runder_tisch_audit_entries_total")).toBeGreaterThan(auditedBefore);
    expect(after).toMatch(
      /runder_tisch_http_request_duration_seconds_count\{method="GET",route="\/api\/cases",status="200"\} [1-9]/,
    );
    // A path no route matches is one series, whatever was asked.
    expect(after).toContain('route="unmatched"');
    expect(after).not.toContain("4711");
    expect(after).toContain("runder_tisch_process_cpu_seconds_total");
  });
});
