import {
  ZProviderAgenciesUpdate,
  ZSignInProvider,
  ZSignInProviderList,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fieldRefused, notFound } from "../../errors.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { isPlatformAdmin } from "../../policies/administration.ts";
import { allowedAgencies } from "../../sign-in/account-for-provider.ts";
import type { OidcProviderSettings } from "../../sign-in/oidc-settings.ts";
import { errorResponses } from "../shared.ts";

const ZProviderParams = z.object({ provider: z.string().max(32) });

/**
 * The platform admin decides which agencies each identity provider may place people in;
 * the provider's group mapping (set by IT in OIDC_PROVIDERS) proposes, this list disposes.
 */
export const providerAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (settings: OidcProviderSettings) => ({
    id: settings.id,
    label: settings.label,
    issuer: settings.issuer,
    mappedAgencyIds: [...new Set(Object.values(settings.agencies))],
    allowedAgencyIds: [...(await allowedAgencies(app.db, settings.id))].sort(),
  });

  app.get(
    "/api/admin/sign-in-providers",
    {
      schema: {
        tags: ["auth"],
        summary: "Identity providers and the agencies each may assign (platform admin only)",
        response: { 200: ZSignInProviderList, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, isPlatformAdmin, { targetType: "agency" });
      return {
        providers: await Promise.all(
          app.oidcClients.providers.map((settings) => present(settings)),
        ),
      };
    },
  );

  app.put(
    "/api/admin/sign-in-providers/:provider/agencies",
    {
      schema: {
        tags: ["auth"],
        summary: "Set the agencies a provider may assign (platform admin only)",
        params: ZProviderParams,
        body: ZProviderAgenciesUpdate,
        response: { 200: ZSignInProvider, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, isPlatformAdmin, { targetType: "agency" });
      const settings = app.oidcClients.settings(request.params.provider);
      if (!settings) throw notFound("Sign-in provider");
      const agencyIds = [...new Set(request.body.agencyIds)];
      if (agencyIds.length > 0) {
        const known = await app.db
          .select({ id: schema.agencies.id })
          .from(schema.agencies)
          .where(inArray(schema.agencies.id, agencyIds));
        if (known.length !== agencyIds.length) {
          throw fieldRefused("agencyIds", "agency_unknown", "An agency in the list does not exist");
        }
      }
      await request.auditedWrite(
        async (tx) => {
          await tx
            .delete(schema.providerAgencies)
            .where(eq(schema.providerAgencies.providerId, settings.id));
          if (agencyIds.length > 0) {
            await tx
              .insert(schema.providerAgencies)
              .values(agencyIds.map((agencyId) => ({ providerId: settings.id, agencyId })));
          }
        },
        () => ({
          action: "change",
          targetType: "agency",
          detail: { provider: settings.id, allowedAgencies: agencyIds.length },
        }),
      );
      return present(settings);
    },
  );
};
