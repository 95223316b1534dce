import type { Transaction } from "@runder-tisch/db";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AuditAppender } from "../audit/audit-appender.ts";
import { AuditSealer } from "../audit/audit-sealer.ts";
import { type AuditEntryInput, type RequestAuditEntry, recordAudit } from "../audit/audit-trail.ts";
import { crashPoint } from "../lib/crash-point.ts";

declare module "fastify" {
  interface FastifyInstance {
    auditSealer: AuditSealer;
    /** Writes the rows of `request.audit` in group commits. */
    auditAppender: AuditAppender;
  }
  interface FastifyRequest {
    /**
     * Records a read or a refusal by this request's actor (a row of its own, committed
     * together with the rows of other requests of the same moment) and resolves once
     * it is committed.
     */
    audit(entry: RequestAuditEntry): Promise<void>;
    /**
     * Runs a change in a transaction and records what `describe` says about its
     * result in the same transaction: the change and its audit rows commit
     * together or not at all. `write` must use only the transaction it gets.
     */
    auditedWrite<T>(
      write: (tx: Transaction) => Promise<T>,
      describe: (result: T) => RequestAuditEntry | RequestAuditEntry[],
    ): Promise<T>;
  }
}

function attributed(request: FastifyRequest, entry: RequestAuditEntry): AuditEntryInput {
  const actor = request.session?.actor;
  return {
    ...entry,
    userId: actor?.userId ?? null,
    agencyId: actor?.agencyId ?? null,
    requestId: request.id,
  };
}

export const auditPlugin = fp(
  async (app) => {
    const sealer = new AuditSealer(app.db, app.config.AUDIT_SEAL_INTERVAL_MS, (error) =>
      app.log.error({ err: error }, "sealing the audit trail failed"),
    );
    const appender = new AuditAppender(app.db, (count) => app.metrics.auditAppended.inc(count));
    app.decorate("auditSealer", sealer);
    app.decorate("auditAppender", appender);
    app.addHook("onReady", async () => sealer.start());
    app.addHook("onClose", async () => {
      await appender.drain();
      await sealer.stop();
    });

    app.decorateRequest("audit", function (this: FastifyRequest, entry: RequestAuditEntry) {
      return appender.append(attributed(this, entry));
    });
    const auditedWrite: FastifyRequest["auditedWrite"] = function (
      this: FastifyRequest,
      write,
      describe,
    ) {
      return app.db
        .transaction(async (tx) => {
          const result = await write(tx);
          crashPoint("audited-write:before-audit");
          const described = describe(result);
          const entries = Array.isArray(described) ? described : [described];
          await recordAudit(
            tx,
            entries.map((entry) => attributed(this, entry)),
          );
          return { result, appended: entries.length };
        })
        .then(({ result, appended }) => {
          // Counted once the transaction holding them committed.
          app.metrics.auditAppended.inc(appended);
          return result;
        });
    };
    app.decorateRequest("auditedWrite", auditedWrite);
  },
  { name: "audit", dependencies: ["database", "config", "authentication", "metrics"] },
);
