import type { FastifyRequest } from "fastify";

/** Where people reach the platform: PUBLIC_URL, or the address this request came to. */
export function publicUrlOf(request: FastifyRequest): string {
  return (
    request.server.config.PUBLIC_URL?.replace(/\/+$/, "") ?? `${request.protocol}://${request.host}`
  );
}
