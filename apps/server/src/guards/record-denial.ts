import type { FastifyRequest } from "fastify";
import { type DenialTarget, describeDenial } from "../audit/describe-denial.ts";
import { AppError } from "../errors.ts";

/** Records that this request was refused, in the audit trail's one shape for denials. */
export async function recordDenial(
  request: FastifyRequest,
  target: DenialTarget,
  refusal: AppError,
): Promise<void> {
  await request.audit(
    describeDenial(target, {
      route: request.routeOptions.url ?? request.url,
      method: request.method,
      status: refusal.statusCode,
      reason: refusal.reason,
    }),
  );
}

/** Records `refusal` and returns it, for `throw await refuse(...)`. */
export async function refuse(
  request: FastifyRequest,
  target: DenialTarget,
  refusal: AppError,
): Promise<AppError> {
  await recordDenial(request, target, refusal);
  return refusal;
}

/**
 * Runs a handler whose business functions decide about access themselves and
 * records each refusal (403, 404) they throw, so every refusal is attributable.
 */
export async function auditingDenials<T>(
  request: FastifyRequest,
  target: DenialTarget,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && (error.statusCode === 403 || error.statusCode === 404)) {
      await recordDenial(request, target, error);
    }
    throw error;
  }
}
