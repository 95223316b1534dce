import { randomBytes } from "node:crypto";
import type { TAgencyKind, TUserRole } from "@runder-tisch/contracts";
import type { DatabaseHandle } from "@runder-tisch/db";
import * as factories from "@runder-tisch/db/factories";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { type App, buildApp } from "../src/app.ts";
import { type Env, parseEnv } from "../src/env.ts";
import { IdentityCipher } from "../src/lib/identity-crypto.ts";
import { hashPassword } from "../src/lib/passwords.ts";
import type { CollaborationOptions } from "../src/plugins/collaboration.ts";
import { createTestDatabase } from "./test-database.ts";

export const TEST_PASSWORD = "test-password-1234";
let passwordHash: Promise<string> | undefined;
/** One argon2 hash per test process: hashing is deliberately slow. */
export const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

export interface TestContext {
  app: App;
  database: DatabaseHandle;
  db: DatabaseHandle["db"];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share one database between several apps, as several server nodes would. */
  database?: DatabaseHandle;
  collaboration?: CollaborationOptions;
  identityCipher?: IdentityCipher;
}

export async function createTestApp(
  overrides: Partial<Record<keyof Env, string>> = {},
  options: TestAppOptions = {},
): Promise<TestContext> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const env = parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "10000",
    ...overrides,
  });
  const app = await buildApp({
    env,
    database,
    identityCipher: options.identityCipher ?? new IdentityCipher(randomBytes(32)),
    collaboration: options.collaboration ?? {},
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    async close() {
      await app.close();
      if (ownsDatabase) await database.close();
    },
  };
}

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

export async function signIn(app: App, user: TestUser): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: user.email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed (${response.statusCode}): ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === "rt_session");
  if (!cookie) throw new Error("no session cookie");
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        cookie: `rt_session=${cookie.value}`,
        "x-csrf-token": csrfToken,
        ...options.headers,
      },
    });
  return {
    user,
    cookie: `rt_session=${cookie.value}`,
    csrfToken,
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, payload) =>
      request({ method: "POST", url, payload: payload as InjectOptions["payload"] }),
    patch: (url, payload) =>
      request({ method: "PATCH", url, payload: payload as InjectOptions["payload"] }),
    put: (url, payload) =>
      request({ method: "PUT", url, payload: payload as InjectOptions["payload"] }),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

/** A fresh agency with one user of the given role, signed in. */
export async function agencyWithUser(
  ctx: TestContext,
  options: {
    role?: TUserRole;
    kind?: TAgencyKind;
    name?: string;
  } = {},
) {
  const agency = await factories.createAgency(ctx.db, {
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  const user = await factories.createUser(ctx.db, {
    agencyId: agency.id,
    passwordHash: await testPasswordHash(),
    role: options.role ?? "member",
  });
  const session = await signIn(ctx.app, user);
  return { agency, user, session };
}

export { factories };
