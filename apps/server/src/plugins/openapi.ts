import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI document at /api/openapi.json, generated from the routes' zod schemas. */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: "Runder Tisch API",
          description:
            "Case conferences between agencies. Sign in with POST /api/auth/login; send the csrfToken from GET /api/me as x-csrf-token on every state-changing request.",
          version: "1.0.0",
        },
        components: {
          securitySchemes: {
            session: { type: "apiKey", in: "cookie", name: "rt_session" },
          },
        },
        security: [{ session: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: "/api/docs" });
    app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
  },
  { name: "openapi" },
);
