import {
  ZAgency,
  ZAgencyListResponse,
  ZAgencyPeopleResponse,
  ZCreateAgencyRequest,
  ZIdParams,
  ZUpdateAgencyRequest,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { forbidden, notFound } from "../../errors.ts";
import { canManageAgencies } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { presentAgency } from "./agency-presenter.ts";
import { updateAgency } from "./update-agency.ts";

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/agencies",
    {
      schema: {
        tags: ["agencies"],
        summary: "Agencies on the platform, by name (inactive ones for the platform admin only)",
        response: { 200: ZAgencyListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await app.db
        .select()
        .from(schema.agencies)
        .where(canManageAgencies(actor) ? undefined : eq(schema.agencies.active, true))
        .orderBy(asc(schema.agencies.name));
      return { agencies: rows.map(presentAgency) };
    },
  );

  app.post(
    "/api/agencies",
    {
      schema: {
        tags: ["agencies"],
        summary: "Add an agency (platform admin only)",
        body: ZCreateAgencyRequest,
        response: { 201: ZAgency, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!canManageAgencies(requireActor(request))) throw forbidden();
      const agency = await request.auditedWrite(
        async (tx) => {
          const [row] = await tx.insert(schema.agencies).values(request.body).returning();
          if (!row) throw new Error("agency insert returned nothing");
          return row;
        },
        (row) => ({
          action: "create",
          targetType: "agency",
          targetId: row.id,
          detail: { name: row.name, kind: row.kind },
        }),
      );
      return reply.status(201).send(presentAgency(agency));
    },
  );

  app.patch(
    "/api/agencies/:id",
    {
      schema: {
        tags: ["agencies"],
        summary: "Rename, re-classify or switch an agency on or off (platform admin only)",
        params: ZIdParams,
        body: ZUpdateAgencyRequest,
        response: { 200: ZAgency, ...errorResponses },
      },
    },
    async (request) => {
      if (!canManageAgencies(requireActor(request))) throw forbidden();
      const { agency, cutOffUserIds } = await request.auditedWrite(
        (tx) => updateAgency(tx, request.params.id, request.body),
        (result) => ({
          action: "change",
          targetType: "agency",
          targetId: result.agency.id,
          detail: { fields: Object.keys(request.body), ...request.body },
        }),
      );
      for (const userId of cutOffUserIds) app.events.publish({ kind: "user.disabled", userId });
      return presentAgency(agency);
    },
  );

  app.get(
    "/api/agencies/:id/people",
    {
      schema: {
        tags: ["agencies"],
        summary: "Active people of an agency, for picking a responsible person",
        params: ZIdParams,
        response: { 200: ZAgencyPeopleResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [agency] = await app.db
        .select({ active: schema.agencies.active })
        .from(schema.agencies)
        .where(eq(schema.agencies.id, request.params.id));
      // An agency that is switched off is not offered for picking, as in the list.
      if (!agency || (!agency.active && !canManageAgencies(actor))) throw notFound("Agency");
      const people = await app.db
        .select({ id: schema.users.id, displayName: schema.users.displayName })
        .from(schema.users)
        .where(and(eq(schema.users.agencyId, request.params.id), isNull(schema.users.disabledAt)))
        .orderBy(asc(schema.users.displayName));
      return { people };
    },
  );
};
