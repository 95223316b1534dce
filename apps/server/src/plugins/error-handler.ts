import {
  reasonOfIssue,
  type TErrorCode,
  type TErrorResponse,
  type TProblem,
} from "@runder-tisch/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors.ts";

const DATABASE_DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
]);

const FASTIFY_CODES: Record<string, { status: number; code: TErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: "payload_too_large",
    message: "The request body is too large",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "Send the body as application/json",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: "bad_request",
    message: "The JSON body is empty",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: "bad_request",
    message: "The body is not valid JSON",
  },
};

/** Walks an error and its causes (drizzle wraps driver errors) looking for a code. */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) codes.push(...errors.flatMap(causeCodes));
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

const body = (
  code: TErrorCode,
  message: string,
  extra: Pick<TErrorResponse["error"], "reason" | "details"> = {},
): TErrorResponse => ({
  error: {
    code,
    ...(extra.reason ? { reason: extra.reason } : {}),
    message,
    ...(extra.details ? { details: extra.details } : {}),
  },
});

type ValidationContext = TProblem["where"];

/** The refused fields of a request, each with the reason the shared schema gives for it. */
function problemsOf(error: FastifyError & { validation: unknown[] }, request: FastifyRequest) {
  const where = (error.validationContext ?? "body") as ValidationContext;
  const input = (request as unknown as Record<ValidationContext, unknown>)[where];
  return error.validation.map((entry): TProblem => {
    const { keyword, instancePath, message, params } = entry as {
      keyword: string;
      instancePath: string;
      message: string;
      params: Record<string, unknown>;
    };
    const path = instancePath.split("/").filter(Boolean);
    const issue = { ...params, code: keyword, path, message } as unknown as Parameters<
      typeof reasonOfIssue
    >[0];
    return { where, path: instancePath || "/", ...reasonOfIssue(issue, input), message };
  });
}

function databaseDown(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  request.log.error({ err: error }, "database unavailable");
  return reply
    .status(503)
    .send(body("service_unavailable", "The database cannot be reached; try again shortly"));
}

export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return reply
          .status(error.statusCode)
          .send(body(error.code, error.message, { reason: error.reason, details: error.details }));
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const problems = problemsOf(error, request);
        return reply.status(400).send(
          body("validation_failed", "The request does not have the expected form", {
            reason: problems[0]?.reason ?? "invalid",
            details: { problems },
          }),
        );
      }
      const known = FASTIFY_CODES[error.code];
      if (known) return reply.status(known.status).send(body(known.code, known.message));
      if (error.statusCode === 429) {
        return reply.status(429).send(body("rate_limited", "Too many requests; wait a moment"));
      }
      // The client hung up while sending its body: nothing went wrong here, and nobody
      // is left to answer. Without this it would read as a dropped database connection.
      if (!request.raw.complete && request.raw.destroyed) {
        request.log.info({ reqId: request.id }, "client aborted the request");
        return reply.status(400).send(body("bad_request", "The request was aborted"));
      }
      const codes = causeCodes(error);
      if (codes.some((code) => DATABASE_DOWN_CODES.has(code)))
        return databaseDown(error, request, reply);
      if (codes.includes("23505")) {
        return reply.status(409).send(body("conflict", "This already exists"));
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return reply.status(error.statusCode).send(body("bad_request", error.message));
      }
      // A closed PGlite or an ended pool throws plain errors without a code; asking the database tells them apart from bugs.
      if (!(await app.database.ping())) return databaseDown(error, request, reply);
      request.log.error({ err: error }, "unhandled error");
      return reply.status(500).send(body("internal_error", "Something went wrong on our side"));
    });

    app.setNotFoundHandler((request, reply) => {
      reply
        .status(404)
        .send(body("not_found", `No route ${request.method} ${request.url.split("?")[0]}`));
    });
  },
  { name: "error-handler" },
);
