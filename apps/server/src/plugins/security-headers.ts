import helmet from "@fastify/helmet";
import fp from "fastify-plugin";

/**
 * Headers on every response, whichever route or static file answers: the web app's
 * content security policy (scripts from this origin only; inline styles for the
 * editor's coloured carets; sockets to this origin only), no framing, no sniffing,
 * no referrer to other sites. The API documentation sets its own policy for its
 * scripts (see openapi.ts).
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "same-origin" },
      // The app is served over whatever the reverse proxy terminates; HSTS belongs there.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: "security-headers" },
);
