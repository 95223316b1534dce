import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";

/**
 * Runs a handler and records refused attempts (403, 404) in the audit trail:
 * the business functions decide, this makes every refusal attributable.
 */
export async function auditingDenials<T>(
  request: FastifyRequest,
  target: { targetType: "action" | "case" | "conference"; targetId: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && (error.statusCode === 403 || error.statusCode === 404)) {
      await request.audit({
        action: "denied",
        ...target,
        detail: {
          route: request.routeOptions.url ?? request.url,
          method: request.method,
          status: error.statusCode,
        },
      });
    }
    throw error;
  }
}
