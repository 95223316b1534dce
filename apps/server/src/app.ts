import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type { DatabaseHandle } from "@runder-tisch/db";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Env } from "./env.ts";
import type { IdentityCipher } from "./lib/identity-crypto.ts";
import { logSerializers } from "./lib/log-serializers.ts";
import { mailPlugin } from "./mail/mail-plugin.ts";
import { auditPlugin } from "./plugins/audit.ts";
import { authenticationPlugin } from "./plugins/authentication.ts";
import { type CollaborationOptions, collaborationPlugin } from "./plugins/collaboration.ts";
import { configPlugin } from "./plugins/config.ts";
import { databasePlugin } from "./plugins/database.ts";
import { domainEventsPlugin } from "./plugins/domain-events.ts";
import { errorHandlerPlugin } from "./plugins/error-handler.ts";
import { jobsPlugin } from "./plugins/jobs.ts";
import { metricsPlugin } from "./plugins/metrics.ts";
import { openApiPlugin } from "./plugins/openapi.ts";
import { retentionJobPlugin } from "./plugins/retention-job.ts";
import { securityHeadersPlugin } from "./plugins/security-headers.ts";
import { signInPlugin } from "./plugins/sign-in.ts";
import { webAppPlugin } from "./plugins/web-app.ts";
import { features } from "./routes/index.ts";

export interface AppDependencies {
  env: Env;
  database: DatabaseHandle;
  identityCipher: IdentityCipher;
  logger?: FastifyServerOptions["logger"];
  collaboration?: CollaborationOptions;
}

/** Builds the whole application without listening, so tests can `inject` into it. */
export async function buildApp({
  env,
  database,
  identityCipher,
  logger,
  collaboration,
}: AppDependencies) {
  const app = Fastify({
    // Every logger gets the same serializers: request lines keep no query values.
    logger:
      typeof logger === "object" && logger !== null && !("child" in logger)
        ? { ...logger, serializers: logSerializers }
        : (logger ?? { level: env.LOG_LEVEL, serializers: logSerializers }),
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Node checks request deadlines on a timer (30 s by default); check as often as the
    // deadline needs, so a body that stops arriving is cut off close to REQUEST_TIMEOUT_MS.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: env.REQUEST_TIMEOUT_MS,
          headersTimeout: Math.min(env.REQUEST_TIMEOUT_MS, 60_000),
          connectionsCheckingInterval: Math.min(1_000, env.REQUEST_TIMEOUT_MS / 2),
        },
        handler,
      ),
    trustProxy: env.TRUST_PROXY,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Long enough that any path parameter reaches its schema and gets a 400 with a reason,
    // instead of matching no route (the conference socket would then close without a code).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 8_192 },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only; a text body is refused as unsupported instead of half-parsed.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(configPlugin, { env, identityCipher });
  await app.register(databasePlugin, { database });
  await app.register(domainEventsPlugin, {});
  await app.register(cookie);
  // Off by default: only routes that opt in (login) are limited per IP.
  await app.register(rateLimit, { global: false });
  await app.register(authenticationPlugin);
  await app.register(signInPlugin);
  await app.register(metricsPlugin);
  await app.register(auditPlugin);
  await app.register(collaborationPlugin, collaboration ?? {});
  await app.register(openApiPlugin);
  await app.register(jobsPlugin);
  await app.register(retentionJobPlugin);
  await app.register(mailPlugin);
  for (const feature of features) {
    await app.register(feature);
  }
  // Last, so its catch-all for client-side routes never shadows an API route.
  await app.register(webAppPlugin, {});
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
