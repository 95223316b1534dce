import {
  TEXT_LIMITS,
  ZActionPlan,
  ZActionPlanDraft,
  ZActionPlanVersion,
  ZActionPlanVersionParams,
  ZSaveActionPlanRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  findActionPlanVersion,
  readActionPlan,
  saveActionPlanVersion,
} from "../../domain/action-plan/action-plan-versions.ts";
import { assembleActionPlanDraft } from "../../domain/action-plan/assemble-action-plan-draft.ts";
import { guardPublishedTexts } from "../../guards/guard-published-text.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireSteeringMember } from "../../guards/require-steering-member.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { loadDraftInput } from "./load-draft-input.ts";

/**
 * JSON at most three UTF-8 bytes per character (umlauts two, a newline escaped two), so
 * every version the schema accepts fits; a larger body is refused (413) before parsing.
 */
const SAVE_BODY_LIMIT =
  (TEXT_LIMITS.actionPlan + TEXT_LIMITS.name + TEXT_LIMITS.purpose) * 3 + 1024;

const target = { targetType: "action_plan" } as const;

/**
 * The action plan of the steering group, read and saved by its members only; to anyone
 * else every route answers like the group's other routes, 404, and the attempt is audited.
 * Many agencies read it, so its texts pass the personal-data guard without an override.
 */
export const actionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/action-plan",
    {
      schema: {
        tags: ["steering"],
        summary: "The action plan: its newest version and the list of all versions",
        response: { 200: ZActionPlan, ...errorResponses },
      },
    },
    async (request) => {
      await requireSteeringMember(request, target);
      const plan = await readActionPlan(app.db);
      await request.audit({
        action: "view",
        ...target,
        detail: { version: plan.current?.version ?? 0, count: plan.versions.length },
      });
      return plan;
    },
  );

  app.get(
    "/api/action-plan/versions/:version",
    {
      schema: {
        tags: ["steering"],
        summary: "One version of the action plan with its text",
        params: ZActionPlanVersionParams,
        response: { 200: ZActionPlanVersion, ...errorResponses },
      },
    },
    async (request) => {
      const { version } = request.params;
      await requireSteeringMember(request, target);
      const found = await auditingDenials(request, target, () =>
        findActionPlanVersion(app.db, version),
      );
      await request.audit({ action: "view", ...target, detail: { version } });
      return found;
    },
  );

  app.post(
    "/api/action-plan/versions",
    {
      bodyLimit: SAVE_BODY_LIMIT,
      // Checked before the body is read: anonymous callers cannot make us parse 300 kB.
      onRequest: async (request) => {
        requireActor(request);
      },
      schema: {
        tags: ["steering"],
        summary: "Save a new version, started from `baseVersion` (409 when a newer one exists)",
        body: ZSaveActionPlanRequest,
        response: { 201: ZActionPlanVersion, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireSteeringMember(request, target);
      const { title, body, note } = request.body;
      guardPublishedTexts(
        [
          { where: "title", text: title },
          { where: "body", text: body },
          { where: "note", text: note },
        ],
        undefined,
      );
      const version = await request.auditedWrite(
        (tx) => saveActionPlanVersion(tx, request.body, actor.userId),
        (saved) => ({
          action: "create",
          ...target,
          detail: { version: saved, baseVersion: request.body.baseVersion },
        }),
      );
      return reply.status(201).send(await findActionPlanVersion(app.db, version));
    },
  );

  app.get(
    "/api/action-plan/draft",
    {
      schema: {
        tags: ["steering"],
        summary: "A first text assembled from the group's topics, decisions and working groups",
        response: { 200: ZActionPlanDraft, ...errorResponses },
      },
    },
    async (request) => {
      await requireSteeringMember(request, target);
      const input = await loadDraftInput(app.db);
      await request.audit({
        action: "view",
        ...target,
        detail: { draftTopics: input.topics.length },
      });
      return assembleActionPlanDraft(input);
    },
  );
};
