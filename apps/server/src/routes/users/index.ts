import {
  ZCreateUserRequest,
  ZIdParams,
  ZUpdateUserRequest,
  ZUser,
  ZUserListQuery,
  ZUserListResponse,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fieldRefused, forbidden, notFound } from "../../errors.ts";
import { isDemoPassword } from "../../lib/demo-passwords.ts";
import { hashPassword } from "../../lib/passwords.ts";
import { canManageUsersOf, isPlatformAdmin } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { createUser, updateUser } from "./save-user.ts";
import { assertMayChangeUser, assertMayCreateUser } from "./user-access.ts";
import { presentUser, userColumns } from "./user-presenter.ts";

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
      const actor = requireActor(request);
      const wholePlatform = isPlatformAdmin(actor) && request.query.agencyId === undefined;
      const agencyId = request.query.agencyId ?? actor.agencyId;
      if (!wholePlatform && !canManageUsersOf(actor, agencyId)) throw forbidden();
      const rows = await app.db
        .select(userColumns)
        .from(schema.users)
        .where(wholePlatform ? undefined : eq(schema.users.agencyId, agencyId))
        .orderBy(asc(schema.users.displayName), asc(schema.users.id));
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
      assertMayCreateUser(actor, fields.agencyId, fields.role);
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
      const [target] = await app.db
        .select({
          id: schema.users.id,
          agencyId: schema.users.agencyId,
          role: schema.users.role,
          disabledAt: schema.users.disabledAt,
        })
        .from(schema.users)
        .where(eq(schema.users.id, request.params.id));
      if (!target) throw notFound("User");
      const { password, ...change } = request.body;
      assertMayChangeUser(actor, target, request.body);
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
      if (disabledNow) app.events.publish({ kind: "user.disabled", userId: user.id });
      return presentUser(user);
    },
  );
};
