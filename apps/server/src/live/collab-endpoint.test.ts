import { CloseCode } from "@runder-tisch/collab-protocol";
import type { TParticipantRole } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { buildConferenceScenario, factories, testPasswordHash } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { signIn } from "../../test/sessions.ts";
import { useTestApp } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";

let base: string;
const ctx = useTestApp({ COLLAB_IDLE_UNLOAD_MS: "50" });
beforeAll(async () => {
  base = await listenOnLoopback(ctx.app);
});

const conferenceSetup = (partnerRole: TParticipantRole = "editor") =>
  buildConferenceScenario(ctx, { partnerRole });

describe("conference document socket", () => {
  it("lets the owner and an invited agency co-edit with stock y-websocket clients", async () => {
    const { owner, partner, conference } = await conferenceSetup();
    const a = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const b = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "both synced");
      a.doc.getText("probe").insert(0, "Ziel: Aufenthalt sichern. ");
      b.doc.getText("probe").insert(0, "Jobcenter bietet B1-Kurs an. ");
      await waitUntil(() => a.notes() === b.notes() && a.notes().length > 40, "convergence");
      expect(a.notes()).toContain("B1-Kurs");
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("refuses a client without a session, and an agency that is not invited", async () => {
    const { outsider, conference } = await conferenceSetup();
    const anonymous = openDocument(base, conference.id, {});
    const uninvited = openDocument(base, conference.id, { cookie: outsider.session.cookie });
    try {
      await waitUntil(() => anonymous.closes.length > 0 && uninvited.closes.length > 0, "closes");
      expect(anonymous.closes[0]).toBe(CloseCode.UNAUTHORISED);
      expect(uninvited.closes[0]).toBe(CloseCode.FORBIDDEN);
      expect(uninvited.notes()).toBe("");
      const denials = await ctx.db
        .select()
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.userId, outsider.user.id), eq(schema.auditLog.action, "denied")),
        );
      expect(denials).toEqual([
        expect.objectContaining({
          targetType: "conference_document",
          targetId: conference.id,
          detail: {
            route: "/api/collab/:conferenceId",
            method: "GET",
            status: CloseCode.FORBIDDEN,
          },
        }),
      ]);
    } finally {
      anonymous.destroy();
      uninvited.destroy();
    }
  });

  it("refuses a document name that cannot be a conference, with 400 before the upgrade", async () => {
    const { owner } = await conferenceSetup();
    for (const name of ["not-a-conference", "a".repeat(6_000)]) {
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(`${base}/${name}`, {
          headers: { cookie: owner.session.cookie },
        });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => resolve(101));
        socket.on("error", () => resolve(0));
      });
      expect(status, name.slice(0, 20)).toBe(400);
    }
  });

  it("cuts off an agency within two seconds when its sharing basis is revoked", async () => {
    const { owner, partner, conference, caseRow, basis } = await conferenceSetup();
    const b = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => b.provider.synced, "partner synced");
      const revokedAt = Date.now();
      const response = await owner.session.post(
        `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
        { note: "Einwilligung widerrufen" },
      );
      expect(response.statusCode).toBe(200);
      await waitUntil(() => b.closes.length > 0, "partner cut off", 2_000);
      expect(b.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
      expect(Date.now() - revokedAt).toBeLessThan(2_000);
    } finally {
      b.destroy();
    }
  });

  it("does not apply an observer's edits", async () => {
    const { owner, partner, conference } = await conferenceSetup("observer");
    const writer = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const observer = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => writer.provider.synced && observer.provider.synced, "synced");
      observer.doc.getText("probe").insert(0, "vom Beobachter");
      writer.doc.getText("probe").insert(0, "vom Eigentümer");
      await waitUntil(() => observer.notes().includes("vom Eigentümer"), "observer receives");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writer.notes()).not.toContain("Beobachter");
    } finally {
      writer.destroy();
      observer.destroy();
    }
  });

  it("issues a token so a client without cookies can open the document", async () => {
    const { partner, outsider, conference } = await conferenceSetup();
    const denied = await outsider.session.post(`/api/conferences/${conference.id}/collab-token`);
    expect(denied.statusCode).toBe(404);
    const issued = await partner.session.post(`/api/conferences/${conference.id}/collab-token`);
    expect(issued.statusCode).toBe(200);
    const { token, role } = issued.json();
    expect(role).toBe("editor");
    const client = openDocument(base, conference.id, { token });
    const forged = openDocument(base, conference.id, { token: `${token.slice(0, -2)}xx` });
    try {
      await waitUntil(() => client.provider.synced, "token client synced");
      await waitUntil(() => forged.closes.length > 0, "forged token refused");
      expect(forged.closes[0]).toBe(CloseCode.UNAUTHORISED);
    } finally {
      client.destroy();
      forged.destroy();
    }
  });

  it("keeps what was typed after the document leaves memory", async () => {
    const { owner, conference } = await conferenceSetup();
    const first = openDocument(base, conference.id, { cookie: owner.session.cookie });
    await waitUntil(() => first.provider.synced, "synced");
    first.doc.getText("probe").insert(0, "gespeichert bleibt gespeichert");
    await ctx.app.collab.flush();
    first.destroy();
    await waitUntil(() => !ctx.app.collab.isLoaded(conference.id), "unloaded", 3_000);
    const again = openDocument(base, conference.id, { cookie: owner.session.cookie });
    try {
      await waitUntil(() => again.provider.synced, "resynced");
      expect(again.notes()).toBe("gespeichert bleibt gespeichert");
    } finally {
      again.destroy();
    }
  });

  it("closes the sockets of a user who is disabled", async () => {
    const { partner, conference } = await conferenceSetup();
    const coordinator = await factories.createUser(ctx.db, {
      agencyId: partner.agency.id,
      passwordHash: await testPasswordHash(),
      role: "coordinator",
    });
    const coordinatorSession = await signIn(ctx.app, coordinator);
    const b = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => b.provider.synced, "partner synced");
      const disabled = await coordinatorSession.patch(`/api/users/${partner.user.id}`, {
        disabled: true,
      });
      expect(disabled.statusCode).toBe(200);
      await waitUntil(() => b.closes.length > 0, "disabled user cut off", 2_000);
      expect(b.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
    } finally {
      b.destroy();
    }
  });

  it("closes the sockets of an agency that is removed from the conference", async () => {
    const { owner, partner, conference } = await conferenceSetup();
    const a = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const b = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "synced");
      const changed = await owner.session.patch(`/api/conferences/${conference.id}`, {
        participants: [],
      });
      expect(changed.statusCode).toBe(200);
      await waitUntil(() => b.closes.length > 0, "uninvited agency cut off", 2_000);
      expect(b.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
      expect(a.closes).toEqual([]);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("makes every connection read-only when the conference is finalised", async () => {
    const { owner, partner, conference } = await conferenceSetup();
    const a = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const b = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "synced");
      a.doc.getText("probe").insert(0, "Beschluss steht.");
      await waitUntil(() => b.notes() === "Beschluss steht.", "partner sees the text");
      for (const status of ["live", "concluded"]) {
        const response = await owner.session.post(`/api/conferences/${conference.id}/status`, {
          status,
        });
        expect(response.statusCode).toBe(200);
      }
      // Finalising has its own route (it stores the minutes) and needs a coordinator.
      const coordinator = await factories.createUser(ctx.db, {
        agencyId: owner.agency.id,
        passwordHash: await testPasswordHash(),
        role: "coordinator",
      });
      const finalised = await (await signIn(ctx.app, coordinator)).post(
        `/api/conferences/${conference.id}/finalise`,
        {},
      );
      expect(finalised.statusCode).toBe(201);
      await waitUntil(
        () =>
          ctx.app.collab
            .listConnections()
            .filter((info) => info.documentName === conference.id)
            .every((info) => info.role === "observer"),
        "all connections read-only",
        2_000,
      );
      b.doc.getText("probe").insert(0, "Nachträglich: ");
      a.doc.getText("probe").insert(0, "Auch nicht: ");
      await ctx.app.collab.flush();
      const server = new Y.Doc();
      Y.applyUpdate(server, await ctx.app.collab.encodeState(conference.id));
      expect(server.getText("probe").toString()).toBe("Beschluss steht.");
      expect(a.closes).toEqual([]);
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
