import type { TErrorCode } from "@runder-tisch/contracts";

/** An error the client caused or must know about; the error handler turns it into the shared shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new AppError(400, "bad_request", message, details);
export const unauthenticated = (message = "Sign in first") =>
  new AppError(401, "unauthenticated", message);
export const forbidden = (message = "You may not do this") =>
  new AppError(403, "forbidden", message);
/** Same answer whether the thing does not exist or the caller may not see it. */
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const conflict = (message: string, details?: unknown) =>
  new AppError(409, "conflict", message, details);
export const invalidTransition = (message: string) =>
  new AppError(409, "invalid_transition", message);
export const unprocessable = (message: string, details?: unknown) =>
  new AppError(422, "validation_failed", message, details);
