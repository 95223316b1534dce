import { PII_CHECK_MAX_CHARS, ZPiiCheckRequest, ZPiiCheckResponse } from "@runder-tisch/contracts";
import { findPii } from "@runder-tisch/pii-guard";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/**
 * Ordinary text takes at most three UTF-8 bytes per character in JSON (umlauts two, Arabic two,
 * a newline escaped two), so any note the schema accepts fits; a larger body is refused (413)
 * before it is parsed.
 */
export const PII_CHECK_BODY_LIMIT = PII_CHECK_MAX_CHARS * 3 + 1024;

export const piiCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/pii/check",
    {
      bodyLimit: PII_CHECK_BODY_LIMIT,
      // Checked before the body is read: anonymous callers cannot make us parse 300 kB.
      onRequest: async (request) => {
        requireActor(request);
      },
      schema: {
        tags: ["pii"],
        summary: "Find personal data (names, birth dates, contact data, numbers) in a note",
        body: ZPiiCheckRequest,
        response: { 200: ZPiiCheckResponse, ...errorResponses },
      },
    },
    // The text is not stored, logged or audited: it may hold the very data the check looks
    // for, and no case record is read or written.
    async (request) => ({ findings: findPii(request.body.text) }),
  );
};
