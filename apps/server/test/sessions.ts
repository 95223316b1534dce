import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { App } from "../src/app.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "../src/sessions/request-session.ts";
import { createSession } from "../src/sessions/session-store.ts";

export const TEST_PASSWORD = "test-password-1234";

export interface TestUser {
  id: string;
  agencyId: string;
  email: string;
}

/** A signed-in browser: sends the session cookie and the CSRF token like the web app does. */
export interface Session {
  user: TestUser;
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function sessionOf(app: App, user: TestUser, token: string, csrfToken: string): Session {
  const cookie = `${SESSION_COOKIE}=${token}`;
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { cookie, [CSRF_HEADER]: csrfToken, ...options.headers },
    });
  const send = (method: InjectOptions["method"]) => (url: string, payload?: unknown) =>
    request({ method, url, payload: payload as InjectOptions["payload"] });
  return {
    user,
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: "GET", url }),
    post: send("POST"),
    patch: send("PATCH"),
    put: send("PUT"),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

/** Signs in through POST /api/auth/login, password and all, as a person would. */
export async function signIn(app: App, user: TestUser): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: user.email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed (${response.statusCode}): ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie");
  return sessionOf(app, user, cookie.value, response.json<{ csrfToken: string }>().csrfToken);
}

/**
 * A session opened directly in the session table, as a sign-in would leave it:
 * for tests about something else than signing in, which need not pay for
 * checking a password (deliberately slow) every time.
 */
export async function openSession(app: App, user: TestUser): Promise<Session> {
  const issued = await createSession(app.db, user.id, app.sessionPolicy);
  return sessionOf(app, user, issued.token, issued.csrfToken);
}
