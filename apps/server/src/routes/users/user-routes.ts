import {
  ZCreateUserRequest,
  ZIdParams,
  ZUpdateUserRequest,
  ZUser,
  ZUserListQuery,
  ZUserListResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fieldRefused, notFound } from "../../errors.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { isDemoPassword } from "../../lib/demo-passwords.ts";
import { hashPassword } from "../../lib/passwords.ts";
import type { Actor } from "../../policies/actor.ts";
import { canManageUsersOf, isPlatformAdmin } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { assertMayChangeUser, assertMayCreateUser } from "./check-user-management.ts";
import { findManagedUser, listUsers } from "./list-users.ts";
import { presentUser } from "./present-user.ts";
import { createUser, updateUser } from "./save-user.ts";

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  // The demo passwords are printed in the README; a real installation must not accept them.
  const hashNewPassword = (password: string) => {
    if (app.config.NODE_ENV === "production" && isDemoPassword(password)) {
      throw fieldRefused(
        "password",
        "password_public",
        "This password is public (demo data); choose another one",
      );
    }
    return hashPassword(password);
  };

  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "People of one agency (coordinators: their own), or of all (platform admin)",
        querystring: ZUserListQuery,
        response: { 200: ZUserListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const wholePlatform = (actor: Actor) =>
        isPlatformAdmin(actor) && request.query.agencyId === undefined;
      const actor = await requirePermission(
        request,
        (candidate) =>
          wholePlatform(candidate) ||
          canManageUsersOf(candidate, request.query.agencyId ?? candidate.agencyId),
        { targetType: "user" },
      );
      const agencyId = wholePlatform(actor) ? null : (request.query.agencyId ?? actor.agencyId);
      const rows = await listUsers(app.db, agencyId);
      return { users: rows.map((row) => presentUser(row)) };
    },
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Add a person to an agency (coordinators: members of their own agency)",
        body: ZCreateUserRequest,
        response: { 201: ZUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { password, ...fields } = request.body;
      await auditingDenials(request, { targetType: "user" }, async () =>
        assertMayCreateUser(actor, fields.agencyId, fields.role),
      );
      const passwordHash = await hashNewPassword(password);
      const user = await request.auditedWrite(
        (tx) => createUser(tx, { ...fields, passwordHash }),
        (created) => ({
          action: "create",
          targetType: "user",
          targetId: created.id,
          detail: { agencyId: created.agencyId, role: created.role },
        }),
      );
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Rename, change role, disable, reset the password or unlock a person",
        params: ZIdParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = await auditingDenials(
        request,
        { targetType: "user", targetId: request.params.id },
        async () => {
          const found = await findManagedUser(app.db, request.params.id);
          if (!found) throw notFound("User");
          assertMayChangeUser(actor, found, request.body);
          return found;
        },
      );
      const { password, ...change } = request.body;
      const values =
        password === undefined
          ? change
          : { ...change, passwordHash: await hashNewPassword(password) };
      const { user, disabledNow } = await request.auditedWrite(
        (tx) => updateUser(tx, target, values, { changedBySelf: target.id === actor.userId }),
        (result) => ({
          action: "change",
          targetType: "user",
          targetId: result.user.id,
          // Field names only: a password (even hashed) has no place in the audit trail.
          detail: {
            fields: Object.keys(request.body),
            ...(change.role ? { role: change.role } : {}),
          },
        }),
      );
      if (disabledNow) app.events.publish({ kind: "user.cut-off", userId: user.id });
      return presentUser(user);
    },
  );
};
