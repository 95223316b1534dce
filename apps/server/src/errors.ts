import type { TErrorCode, TErrorDetails, TErrorReason, TProblem } from "@runder-tisch/contracts";

/**
 * An error the client caused or must know about; the error handler turns it into
 * the shared shape. `reason` names the rule for clients to translate; `message`
 * is English for developers and logs.
 */
export class AppError extends Error {
  readonly reason: TErrorReason | undefined;
  readonly details: TErrorDetails | undefined;

  constructor(
    readonly statusCode: number,
    readonly code: TErrorCode,
    message: string,
    extra: { reason?: TErrorReason; details?: TErrorDetails } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.reason = extra.reason;
    this.details = extra.details;
  }
}

export const unauthenticated = (message = "Sign in first") =>
  new AppError(401, "unauthenticated", message);
export const forbidden = (reason?: TErrorReason, message = "You may not do this") =>
  new AppError(403, "forbidden", message, reason ? { reason } : {});
/** Same answer whether the thing does not exist or the caller may not see it. */
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const conflict = (reason: TErrorReason, message: string, details?: TErrorDetails) =>
  new AppError(409, "conflict", message, { reason, details });
export const invalidTransition = (reason: TErrorReason, message: string) =>
  new AppError(409, "invalid_transition", message, { reason });
export const unprocessable = (reason: TErrorReason, message: string, details?: TErrorDetails) =>
  new AppError(422, "validation_failed", message, { reason, details });

/** A refusal that concerns fields of the body, so forms can show it beside each of them. */
export function fieldsRefused(problems: Omit<TProblem, "where">[]): AppError {
  const [first] = problems;
  return unprocessable(first?.reason ?? "invalid", problems.map((p) => p.message).join("; "), {
    problems: problems.map((problem) => ({ where: "body", ...problem })),
  });
}

/** One refused field of the body. */
export const bodyProblem = (field: string, reason: TErrorReason, message: string): TProblem => ({
  where: "body",
  path: `/${field}`,
  reason,
  message,
});

export const fieldRefused = (field: string, reason: TErrorReason, message: string) =>
  fieldsRefused([bodyProblem(field, reason, message)]);

/**
 * A field of the right form naming something that is not on offer (a theme not in the
 * catalogue): 400 like a refusal by the schema, since the schema's list is data here.
 */
export const fieldNotOffered = (field: string, reason: TErrorReason, message: string) =>
  new AppError(400, "validation_failed", message, {
    reason,
    details: { problems: [bodyProblem(field, reason, message)] },
  });
