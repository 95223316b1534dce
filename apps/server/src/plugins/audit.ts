import fp from "fastify-plugin";
import { type AuditEntryInput, appendAuditEntry } from "../audit/audit-trail.ts";

type RequestAuditEntry = Omit<AuditEntryInput, "userId" | "agencyId" | "requestId">;

declare module "fastify" {
  interface FastifyRequest {
    /** Records who did what to which case data, attributed to this request's actor. */
    audit(entry: RequestAuditEntry): Promise<void>;
  }
}

export const auditPlugin = fp(
  async (app) => {
    app.decorateRequest("audit", async function (this: import("fastify").FastifyRequest, entry) {
      const actor = this.session?.actor;
      await appendAuditEntry(app.db, {
        ...entry,
        userId: actor?.userId ?? null,
        agencyId: actor?.agencyId ?? null,
        requestId: this.id,
      });
    });
  },
  { name: "audit", dependencies: ["database", "authentication"] },
);
