import {
  ZOkResponse,
  ZRecoveryCodes,
  ZSecondFactorConfirm,
  ZSecondFactorRemove,
  ZSecondFactorSetup,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError, forbidden, unprocessable } from "../../errors.ts";
import { verifyPassword } from "../../lib/passwords.ts";
import { requireSession } from "../../sessions/request-session.ts";
import { newTotpSecret, replaceRecoveryCodes, totpStep } from "../../sign-in/second-factor.ts";
import { errorResponses } from "../shared.ts";

/**
 * The second factor of password sign-in: set up (a secret shown as a QR code, confirmed by
 * the first code from the app, which also hands out the recovery codes), new recovery
 * codes, and switching it off with the password. Only for password accounts: a provider's
 * people have the provider's second factor.
 */
export const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const requiredFor = app.config.SECOND_FACTOR_REQUIRED_FOR;

  const passwordAccount = async (userId: string) => {
    const [user] = await app.db.select().from(schema.users).where(eq(schema.users.id, userId));
    if (!user?.passwordHash) {
      throw forbidden(undefined, "This account signs in through an identity provider");
    }
    return user;
  };

  app.post(
    "/api/me/second-factor/setup",
    {
      config: { beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Begin setting up the second factor: a new secret for the authenticator app",
        response: { 200: ZSecondFactorSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      await passwordAccount(actor.userId);
      const setup = await newTotpSecret(actor.email);
      await request.auditedWrite(
        (tx) =>
          tx
            .update(schema.users)
            .set({ totpPendingSecret: setup.secret })
            .where(eq(schema.users.id, actor.userId)),
        () => ({
          action: "change",
          targetType: "user",
          targetId: actor.userId,
          detail: { fields: ["secondFactorPending"] },
        }),
      );
      return setup;
    },
  );

  app.post(
    "/api/me/second-factor/confirm",
    {
      config: { beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Finish the set-up with the app's first code; answers the recovery codes, once",
        body: ZSecondFactorConfirm,
        response: { 200: ZRecoveryCodes, ...errorResponses },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      const user = await passwordAccount(actor.userId);
      const pending = user.totpPendingSecret;
      if (!pending) {
        throw new AppError(409, "conflict", "Begin the set-up first", {
          reason: "second_factor_not_started",
        });
      }
      const step = totpStep(pending, request.body.code);
      if (step === null) {
        throw unprocessable("second_factor_invalid", "The code does not match; try the next one");
      }
      const recoveryCodes = await request.auditedWrite(
        async (tx) => {
          await tx
            .update(schema.users)
            .set({ totpSecret: pending, totpPendingSecret: null, totpLastStep: step })
            .where(eq(schema.users.id, actor.userId));
          return replaceRecoveryCodes(tx, actor.userId);
        },
        () => ({
          action: "change",
          targetType: "user",
          targetId: actor.userId,
          detail: { fields: ["secondFactor"], secondFactor: "on" },
        }),
      );
      return { recoveryCodes };
    },
  );

  app.post(
    "/api/me/second-factor/recovery-codes",
    {
      schema: {
        tags: ["auth"],
        summary: "New recovery codes; the earlier ones stop working",
        response: { 200: ZRecoveryCodes, ...errorResponses },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      const user = await passwordAccount(actor.userId);
      if (!user.totpSecret) {
        throw new AppError(409, "conflict", "Set up the second factor first", {
          reason: "second_factor_not_started",
        });
      }
      const recoveryCodes = await request.auditedWrite(
        (tx) => replaceRecoveryCodes(tx, actor.userId),
        () => ({
          action: "change",
          targetType: "user",
          targetId: actor.userId,
          detail: { fields: ["recoveryCodes"] },
        }),
      );
      return { recoveryCodes };
    },
  );

  app.delete(
    "/api/me/second-factor",
    {
      schema: {
        tags: ["auth"],
        summary: "Switch the second factor off (password required; not where the role needs it)",
        body: ZSecondFactorRemove,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor } = requireSession(request);
      const user = await passwordAccount(actor.userId);
      if (requiredFor.includes(actor.role)) {
        throw forbidden("second_factor_required_for_role", "Your role requires a second factor");
      }
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, request.body.password))) {
        throw new AppError(401, "invalid_credentials", "The password is wrong");
      }
      await request.auditedWrite(
        async (tx) => {
          await tx
            .update(schema.users)
            .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null })
            .where(eq(schema.users.id, actor.userId));
          await tx
            .delete(schema.recoveryCodes)
            .where(eq(schema.recoveryCodes.userId, actor.userId));
        },
        () => ({
          action: "change",
          targetType: "user",
          targetId: actor.userId,
          detail: { fields: ["secondFactor"], secondFactor: "off" },
        }),
      );
      return { ok: true as const };
    },
  );
};
