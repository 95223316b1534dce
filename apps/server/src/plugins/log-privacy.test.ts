import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { demoLikeCase } from "../../test/scenarios.ts";
import { createTestApp } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";

describe("logs", () => {
  it("hold no names, identity data, texts, passwords, cookies or tokens, even at info level", async () => {
    let logged = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const ctx = await createTestApp({}, { logger: { level: "info", stream } });
    try {
      const scenario = await demoLikeCase(ctx);
      const base = await listenOnLoopback(ctx.app);
      const issued = await scenario.owner.session.post(
        `/api/conferences/${scenario.followUpId}/collab-token`,
        {},
      );
      const { token } = issued.json() as { token: string };
      const client = openDocument(base, scenario.followUpId, { token });
      try {
        await waitUntil(() => client.provider.synced, "synced with a token");
      } finally {
        client.destroy();
      }
      await ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: scenario.owner.user.email, password: "falsches-passwort-1234" },
      });
      expect(logged.length).toBeGreaterThan(1000);
      for (const secret of [
        "Mamadou",
        "Camara",
        "1999-04-03",
        "ABH-2019-4711",
        "Frau Becker",
        "Unterlagen angefordert",
        "falsches-passwort-1234",
        scenario.owner.session.cookie.split("=")[1] ?? "cookie",
        scenario.owner.session.csrfToken,
        token,
      ]) {
        expect(logged, `the logs contain ${secret}`).not.toContain(secret);
      }
    } finally {
      await ctx.close();
    }
  });
});
