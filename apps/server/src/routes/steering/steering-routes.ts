import {
  ZCreateSteeringTopicRequest,
  ZIdParams,
  ZRecordSteeringDecisionRequest,
  ZSetSteeringTopicStateRequest,
  ZSteeringThemesQuery,
  ZSteeringThemesResponse,
  ZSteeringTopic,
  ZSteeringTopicList,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { countObstacleThemes } from "../../domain/steering/count-obstacle-themes.ts";
import {
  createSteeringTopic,
  findSteeringTopic,
  listSteeringTopics,
  recordSteeringDecision,
  setSteeringTopicState,
} from "../../domain/steering/steering-topics.ts";
import { checkOfferedThemes } from "../../domain/themes/check-offered-themes.ts";
import { guardPublishedTexts } from "../../guards/guard-published-text.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireSteeringMember } from "../../guards/require-steering-member.ts";
import { errorResponses } from "../shared.ts";

/**
 * What the steering group works with: obstacle themes counted across all cases, and its
 * own topics and decisions. To anyone else every route answers 404. Its texts are read
 * by people of several agencies, so they pass the personal-data guard; there is no
 * override here, a topic never needs a person in it.
 */
export const steeringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/steering/themes",
    {
      schema: {
        tags: ["steering"],
        summary: "Obstacles per theme across all cases; descriptions only from k cases on",
        querystring: ZSteeringThemesQuery,
        response: { 200: ZSteeringThemesResponse, ...errorResponses },
      },
    },
    async (request) => {
      await requireSteeringMember(request, { targetType: "steering_group" });
      const threshold = app.config.STEERING_MIN_CASES;
      const themes = await countObstacleThemes(app.db, request.query, threshold);
      await request.audit({
        action: "view",
        targetType: "steering_group",
        detail: {
          from: request.query.from ?? null,
          to: request.query.to ?? null,
          shownThemes: themes.filter((theme) => theme.shown).map((theme) => theme.theme),
        },
      });
      return {
        threshold,
        from: request.query.from ?? null,
        to: request.query.to ?? null,
        themes,
      };
    },
  );

  app.get(
    "/api/steering/topics",
    {
      schema: {
        tags: ["steering"],
        summary: "Topics of the steering group with their decisions",
        response: { 200: ZSteeringTopicList, ...errorResponses },
      },
    },
    async (request) => {
      await requireSteeringMember(request, { targetType: "steering_topic" });
      const topics = await listSteeringTopics(app.db);
      await request.audit({
        action: "list",
        targetType: "steering_topic",
        detail: { count: topics.length },
      });
      return { topics };
    },
  );

  app.post(
    "/api/steering/topics",
    {
      schema: {
        tags: ["steering"],
        summary: "Open a topic of the steering group",
        body: ZCreateSteeringTopicRequest,
        response: { 201: ZSteeringTopic, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireSteeringMember(request, { targetType: "steering_topic" });
      const { title, description } = request.body;
      guardPublishedTexts(
        [
          { where: "title", text: title },
          { where: "description", text: description ?? "" },
        ],
        undefined,
      );
      await checkOfferedThemes(app.db, "theme", [request.body.theme]);
      const row = await request.auditedWrite(
        (tx) => createSteeringTopic(tx, request.body, actor.userId),
        (topic) => ({
          action: "create",
          targetType: "steering_topic",
          targetId: topic.id,
          detail: { theme: topic.theme },
        }),
      );
      return reply.status(201).send(await findSteeringTopic(app.db, row.id));
    },
  );

  app.put(
    "/api/steering/topics/:id/state",
    {
      schema: {
        tags: ["steering"],
        summary: "Set where a topic stands (open, working group, passed on, decided, closed)",
        params: ZIdParams,
        body: ZSetSteeringTopicStateRequest,
        response: { 200: ZSteeringTopic, ...errorResponses },
      },
    },
    async (request) => {
      const target = { targetType: "steering_topic", targetId: request.params.id } as const;
      await requireSteeringMember(request, target);
      const { state, passedTo } = request.body;
      if (passedTo) guardPublishedTexts([{ where: "passedTo", text: passedTo }], undefined);
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => setSteeringTopicState(tx, request.params.id, request.body),
          () => ({ action: "change", ...target, detail: { state } }),
        ),
      );
      return findSteeringTopic(app.db, request.params.id);
    },
  );

  app.post(
    "/api/steering/topics/:id/decisions",
    {
      schema: {
        tags: ["steering"],
        summary: "Record a decision of the steering group on a topic",
        params: ZIdParams,
        body: ZRecordSteeringDecisionRequest,
        response: { 201: ZSteeringTopic, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = { targetType: "steering_topic", targetId: request.params.id } as const;
      const actor = await requireSteeringMember(request, target);
      guardPublishedTexts([{ where: "text", text: request.body.text }], undefined);
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => recordSteeringDecision(tx, request.params.id, request.body.text, actor.userId),
          (decision) => ({
            action: "create",
            targetType: "steering_topic",
            targetId: request.params.id,
            detail: { decisionId: decision.id },
          }),
        ),
      );
      return reply.status(201).send(await findSteeringTopic(app.db, request.params.id));
    },
  );
};
