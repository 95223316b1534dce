import { ZCollabTokenResponse, ZIdParams } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../errors.ts";
import { refuse } from "../../guards/record-denial.ts";
import { cancelledConflict } from "../../guards/require-conference-access.ts";
import { findCollabRole } from "../../policies/collab-access.ts";
import {
  findAccessibleConference,
  isConferenceCancelled,
} from "../../policies/conference-access.ts";
import { requireSession } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/** Tokens for clients that cannot send the session cookie on a websocket (scripts, other services). */
export const collabTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/conferences/:id/collab-token",
    {
      schema: {
        tags: ["conferences"],
        summary: "A short-lived token to open the conference document's websocket without a cookie",
        params: ZIdParams,
        response: { 200: ZCollabTokenResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, tokenHash } = requireSession(request);
      const granted = await findCollabRole(app.db, actor.agencyId, request.params.id);
      if (!granted) {
        // Visible but called off: say so, rather than answer as if it did not exist.
        const visible = await findAccessibleConference(app.db, actor.agencyId, request.params.id);
        if (visible && isConferenceCancelled(visible.conference)) throw cancelledConflict();
        const target = { targetType: "conference_document", targetId: request.params.id } as const;
        throw await refuse(request, target, notFound("Conference"));
      }
      const { token, expiresAt } = app.collabTokens.issue(
        { userId: actor.userId, sessionTokenHash: tokenHash },
        request.params.id,
      );
      await request.audit({
        action: "view",
        targetType: "conference_document",
        targetId: request.params.id,
        caseId: granted.caseId,
        detail: { via: "collab-token" },
      });
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        role: granted.role,
        path: `/api/collab/${request.params.id}?token=${encodeURIComponent(token)}`,
      };
    },
  );
};
