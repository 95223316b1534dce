import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";

const ctx = useTestApp();

/** Every (method, path) the app serves, read from Fastify's route tree. */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split("\n")) {
    const match = line.match(/^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    const path = `${stack.join("")}${match[2]}`;
    stack.push(match[2] ?? "");
    for (const method of (match[3] ?? "").split(", ").filter(Boolean)) {
      if (method !== "HEAD") routes.push(`${method} ${path.replace(/:(\w+)/g, "{$1}")}`);
    }
  }
  return routes;
}

describe("OpenAPI document", () => {
  it("describes every API route the server serves", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    // The documentation's own pages, the websocket (described in docs/collaboration.md)
    // and the web app's files, which are not API routes.
    const undocumentedOnPurpose = (route: string) =>
      !route.includes(" /api/") ||
      route.includes("/api/docs") ||
      route.endsWith("/api/openapi.json") ||
      route.includes("/api/collab/");
    const served = servedRoutes(ctx.app.printRoutes({ commonPrefix: false })).filter(
      (route) => !undocumentedOnPurpose(route),
    );
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it("shows the browsable documentation", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });
});
