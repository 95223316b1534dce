import {
  ZCreateThemeRequest,
  ZTheme,
  ZThemeCatalogue,
  ZThemeKeyParams,
  ZUpdateThemeRequest,
} from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createTheme, updateTheme } from "../../domain/themes/change-themes.ts";
import { loadThemeCatalogue } from "../../domain/themes/theme-catalogue.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { isPlatformAdmin } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/**
 * The Kreis's theme catalogue (docs/themes.md): everyone signed in reads it, since
 * every form and table names themes; only a platform admin renames, adds or switches.
 * Labels are words of the administration, never about a person, so no data guard.
 */
export const themeRoutes: FastifyPluginAsyncZod = async (app) => {
  const requireAdmin = (request: FastifyRequest, targetId?: string) =>
    requirePermission(
      request,
      isPlatformAdmin,
      { targetType: "theme", targetId: targetId ?? null },
      "platform_admin_only",
    );

  app.get(
    "/api/themes",
    {
      schema: {
        tags: ["themes"],
        summary: "The Kreis's themes: defaults in order, then its own, each active or not",
        response: { 200: ZThemeCatalogue, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return { themes: await loadThemeCatalogue(app.db) };
    },
  );

  app.post(
    "/api/admin/themes",
    {
      schema: {
        tags: ["themes"],
        summary: "Add a theme of the Kreis's own (platform admin)",
        body: ZCreateThemeRequest,
        response: { 201: ZTheme, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireAdmin(request);
      const theme = await request.auditedWrite(
        (tx) => createTheme(tx, request.body, actor.userId),
        (created) => ({
          action: "create",
          targetType: "theme",
          targetId: created.key,
          detail: { labels: created.labels },
        }),
      );
      return reply.status(201).send(theme);
    },
  );

  app.patch(
    "/api/admin/themes/:key",
    {
      schema: {
        tags: ["themes"],
        summary: "Rename a theme or switch it on or off (platform admin)",
        params: ZThemeKeyParams,
        body: ZUpdateThemeRequest,
        response: { 200: ZTheme, ...errorResponses },
      },
    },
    async (request) => {
      const { key } = request.params;
      await requireAdmin(request, key);
      return auditingDenials(request, { targetType: "theme", targetId: key }, () =>
        request.auditedWrite(
          (tx) => updateTheme(tx, key, request.body),
          (theme) => ({
            action: "change",
            targetType: "theme",
            targetId: key,
            detail: {
              fields: Object.keys(request.body),
              labels: theme.labels,
              active: theme.active,
            },
          }),
        ),
      );
    },
  );
};
