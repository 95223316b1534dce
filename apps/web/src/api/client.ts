import {
  type TErrorCode,
  type TErrorDetails,
  type TErrorReason,
  ZErrorResponse,
} from "@runder-tisch/contracts";
import type { z } from "zod";

/** What went wrong with a request, in terms the UI can translate. */
export type ApiErrorCode = TErrorCode | "network" | "unexpected_response";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly reason?: TErrorReason,
    readonly details?: TErrorDetails,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// Kept in memory only: the token comes with /api/me and login and is never stored on disk.
let csrfToken: string | null = null;
const sessionListeners = new Set<(code: ApiErrorCode) => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request finds the session gone, so the app can return to the login page. */
export function onSessionLost(listener: (code: ApiErrorCode) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** Query objects are the contracts' input types; arrays repeat the key, empty values are left out. */
export function buildQuery(query: object | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isScalar(item)) params.append(key, String(item));
    } else if (isScalar(value) && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

interface RequestOptions<T extends z.ZodType> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: object;
  body?: unknown;
  schema: T;
  /** Login answers 401 for a wrong password; that is not a lost session. */
  ignoreSessionLoss?: boolean;
}

async function readError(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => null);
  const parsed = ZErrorResponse.safeParse(json);
  if (parsed.success) {
    const { code, reason, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, reason, details);
  }
  return new ApiError(response.status, "unexpected_response", response.statusText);
}

/** Every call to the API goes through here: CSRF header, error shape, and zod-checked answers. */
export async function apiRequest<T extends z.ZodType>(
  path: string,
  options: RequestOptions<T>,
): Promise<z.output<T>> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, "network", "network error");
  }
  if (!response.ok) {
    const error = await readError(response);
    const lost = error.code === "unauthenticated" || error.code === "session_expired";
    if (lost && !options.ignoreSessionLoss) {
      for (const listener of sessionListeners) listener(error.code);
    }
    throw error;
  }
  const json: unknown = response.status === 204 ? {} : await response.json();
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    // A contract mismatch is a bug on one side; say so instead of rendering half-valid data.
    console.error("Unexpected response", path, parsed.error.issues);
    throw new ApiError(response.status, "unexpected_response", "unexpected response");
  }
  return parsed.data;
}
