import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { USER_ROLES } from "@runder-tisch/contracts/vocabulary";
import { z } from "zod";
import { StartupProblem } from "./startup-problem.ts";

const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

const ZFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/** The whole environment, parsed once; everything else receives the typed result. */
export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Unset: an embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(repositoryRoot, ".data")),
  /** 32 bytes, base64. Unset: generated once into DATA_DIR (embedded setups only). */
  IDENTITY_KEY: z.string().optional(),
  /**
   * Earlier identity keys, base64, comma-separated: records still encrypted with one of
   * them stay readable after a rotation until `pnpm identity:rotate` re-encrypts them.
   */
  IDENTITY_KEYS_PREVIOUS: z.string().optional(),
  REDIS_URL: z.string().url().optional(),
  /** Load the demo Kreis when the database is empty. */
  SEED_DEMO: ZFlag.default(true),
  /**
   * Off where one migration step per release runs before the nodes start (`pnpm migrate`,
   * a Kubernetes Job): a node then only checks that the schema is current.
   */
  MIGRATE_ON_START: ZFlag.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  TRUST_PROXY: ZFlag.default(false),
  COOKIE_SECURE: ZFlag.optional(),
  /**
   * Longest time a client may take to send a whole request (headers and body). A body
   * that stops arriving would otherwise hold its connection for as long as the client likes.
   */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(30_000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(256 * 1024),
  // A whole office signs in behind one NAT address; guessing is stopped per account and address.
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  LOGIN_FAILURES_BEFORE_LOCK: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(1024 * 1024),
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(10 * 1024 * 1024),
  /** How long a conference document with nobody connected stays in memory (at most 30 s). */
  COLLAB_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).max(30_000).default(10_000),
  /**
   * How often each node reads the access version (see live/access-confirmation.ts), and
   * how long it lets editors write without having read it: past that, it refuses updates.
   */
  ACCESS_CHECK_MS: z.coerce.number().int().min(50).max(2_000).default(500),
  ACCESS_CONFIRMED_FOR_MS: z.coerce.number().int().min(500).max(60_000).default(2_000),
  /** Lifetime of a collaboration token for non-browser clients. */
  COLLAB_TOKEN_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
  /** Retention (docs/retention.md): days after closing before a case is deleted completely. */
  RETENTION_CLOSED_CASE_DAYS: z.coerce.number().int().min(1).default(1_095),
  /**
   * Evaluation (docs/evaluation.md): counts above zero and below this are withheld. It is
   * the default and the least a request may ask for; never below 3.
   */
  EVALUATION_MIN_COUNT: z.coerce.number().int().min(3).max(100).default(5),
  /** Days after a session ended (expired or signed out) before its row is removed. */
  RETENTION_ENDED_SESSION_DAYS: z.coerce.number().int().min(1).default(30),
  /** How often the retention job runs; 0 turns the scheduler off (run it by hand). */
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(360),
  /**
   * The steering group sees an obstacle theme's descriptions only once at least this many
   * distinct cases name it (docs/steering.md); fewer, and it sees only "fewer than k".
   */
  STEERING_MIN_CASES: z.coerce.number().int().min(2).default(5),
  /** How often each node looks for due jobs (reminders, mail); 0: never (tests run them by hand). */
  JOB_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** How often committed audit rows are chained into the hash chain; 0 only at shutdown. */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  /**
   * Bearer token for GET /metrics (Prometheus). Unset: the endpoint does not exist, so the
   * figures are never public by accident.
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * OpenID Connect providers people may sign in with, as JSON (see sign-in/oidc-settings.ts
   * and infra/README.md). Unset: none.
   */
  OIDC_PROVIDERS: z.string().optional(),
  /** false: only the identity providers sign people in; the password form is gone. */
  PASSWORD_SIGN_IN: ZFlag.default(true),
  /**
   * The address people reach the platform at (https://runder-tisch.kreis.de), for the
   * providers' redirect addresses. Unset: taken from each request's host.
   */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * The mail server notifications go out through (smtp://user:pass@host:587, smtps://...).
   * Unset: mails are still written to the outbox but marked undeliverable, never sent.
   */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Runder Tisch <no-reply@runder-tisch.invalid>"),
  /** Roles that must set up a second factor for password sign-in, comma-separated. */
  SECOND_FACTOR_REQUIRED_FOR: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(USER_ROLES))),
  /** Unset: every request in production, only warnings on a local start (the terminal shows the logins). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});
export type Env = z.infer<typeof ZEnv> & {
  LOG_LEVEL: NonNullable<z.infer<typeof ZEnv>["LOG_LEVEL"]>;
};

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new StartupProblem(`Ungültige Einstellungen: ${problems.join("; ")}`);
  }
  const env = result.data;
  return { ...env, LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "production" ? "info" : "warn") };
}
