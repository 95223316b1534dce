import { ZMailSettings, ZMailStatus, ZUpdateMailSettingsRequest } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePermission } from "../../guards/require-permission.ts";
import { loadMailSettings, updateMailSettings } from "../../mail/mail-settings.ts";
import { loadMailStatus } from "../../mail/mail-status.ts";
import { isPlatformAdmin } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/**
 * Which notifications reach a person by mail (per kind: off, at once, in the daily digest),
 * the digest's hour and the mails' language; always the signed-in person's own, so no id
 * is taken. And the outbox's figures for the platform admin.
 */
export const mailSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (userId: string) => ({
    ...(await loadMailSettings(app.db, userId)),
    mailEnabled: app.mailEnabled,
  });

  app.get(
    "/api/me/mail-settings",
    {
      schema: {
        tags: ["mail"],
        summary: "The signed-in person's mail settings, defaults filled in",
        response: { 200: ZMailSettings, ...errorResponses },
      },
    },
    async (request) => present(requireActor(request).userId),
  );

  app.put(
    "/api/me/mail-settings",
    {
      schema: {
        tags: ["mail"],
        summary: "Change the signed-in person's mail settings (kinds not named stay as they are)",
        body: ZUpdateMailSettingsRequest,
        response: { 200: ZMailSettings, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await request.auditedWrite(
        (tx) => updateMailSettings(tx, actor.userId, request.body),
        () => ({
          action: "change",
          targetType: "user",
          targetId: actor.userId,
          detail: { fields: ["mailSettings"] },
        }),
      );
      return present(actor.userId);
    },
  );

  app.get(
    "/api/admin/mail-status",
    {
      schema: {
        tags: ["mail"],
        summary:
          "Outgoing mail: configured or not, waiting, failed and sent mails (platform admin)",
        response: { 200: ZMailStatus, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, isPlatformAdmin, { targetType: "agency" });
      return loadMailStatus(app.db, app.mailEnabled);
    },
  );
};
