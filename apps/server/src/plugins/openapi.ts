import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { CSRF_HEADER, SESSION_COOKIE } from "../sessions/request-session.ts";

/** The OpenAPI document at /api/openapi.json, generated from the routes' zod schemas. */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: "Runder Tisch API",
          description: `Case conferences between agencies. Sign in with POST /api/auth/login; send the csrfToken from GET /api/me as ${CSRF_HEADER} on every state-changing request.`,
          version: "1.0.0",
        },
        components: {
          securitySchemes: {
            session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          },
        },
        security: [{ session: [] }],
      },
      transform: jsonSchemaTransform,
    });
    // Its page needs inline scripts and styles; staticCSP names them by hash instead of the app's policy.
    await app.register(swaggerUi, {
      routePrefix: "/api/docs",
      staticCSP: true,
      transformStaticCSP: (policy) => `${policy}; frame-ancestors 'none'`,
    });
    app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
  },
  { name: "openapi" },
);
