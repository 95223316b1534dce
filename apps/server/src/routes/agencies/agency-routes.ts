import {
  ZAgency,
  ZAgencyListResponse,
  ZAgencyPeopleResponse,
  ZCreateAgencyRequest,
  ZIdParams,
  ZUpdateAgencyRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePermission } from "../../guards/require-permission.ts";
import { canManageAgencies } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { createAgency } from "./create-agency.ts";
import { listAgencies, listAgencyPeople } from "./list-agencies.ts";
import { presentAgency } from "./present-agency.ts";
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
      const rows = await listAgencies(app.db, { includeInactive: canManageAgencies(actor) });
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
      await requirePermission(request, canManageAgencies, { targetType: "agency" });
      const agency = await request.auditedWrite(
        (tx) => createAgency(tx, request.body),
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
      await requirePermission(request, canManageAgencies, {
        targetType: "agency",
        targetId: request.params.id,
      });
      const { agency, cutOffUserIds } = await request.auditedWrite(
        (tx) => updateAgency(tx, request.params.id, request.body),
        (result) => ({
          action: "change",
          targetType: "agency",
          targetId: result.agency.id,
          detail: { fields: Object.keys(request.body), ...request.body },
        }),
      );
      for (const userId of cutOffUserIds) app.events.publish({ kind: "user.cut-off", userId });
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
      const people = await listAgencyPeople(app.db, request.params.id, {
        includeInactiveAgency: canManageAgencies(actor),
      });
      return { people };
    },
  );
};
