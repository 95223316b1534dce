import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ServerProcess } from "./parent.ts";
import type { Target } from "./workload.ts";

/** Starts a server process the way the calling benchmark keeps track of its servers. */
export type StartServer = (
  name: string,
  script: string,
  extraFlags?: string[],
  env?: Record<string, string>,
) => Promise<ServerProcess>;

/**
 * Our real app as a benchmark target: `documents` conferences of one agency's case,
 * a signed-in editor (session cookie) and collab tokens on request. BENCH_PROFILE=1
 * writes the server's CPU profile into apps/bench/profiles.
 */
export async function oursTarget(
  start: StartServer,
  options: { documents: number; name?: string; variant?: string },
): Promise<Target> {
  const name = options.name ?? "ours";
  const flags: string[] = [];
  if (process.env.BENCH_PROFILE) {
    const dir = fileURLToPath(new URL("../profiles", import.meta.url));
    mkdirSync(dir, { recursive: true });
    flags.push("--cpu-prof", `--cpu-prof-dir=${dir}`);
  }
  const server = await start(name, "ours.ts", flags, {
    BENCH_OURS_VARIANT: options.variant ?? "",
  });
  const setup = await server.call<{ email: string; password: string; conferences: string[] }>(
    "setup",
    { count: options.documents },
  );
  const base = `http://127.0.0.1:${server.port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: setup.email, password: setup.password }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const session = /rt_session=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")?.[1];
  if (!session) throw new Error("no session cookie");
  const cookie = `rt_session=${session}`;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    name,
    endpoint: {
      name,
      flavor: "plain",
      url: (doc, token) =>
        `ws://127.0.0.1:${server.port}/api/collab/${doc}${token ? `?token=${encodeURIComponent(token)}` : ""}`,
      // A writer uses a collab token (no cookie); everybody else the session cookie.
      headers: (token): Record<string, string> => (token ? {} : { cookie }),
    },
    server,
    doc: (i) => setup.conferences[i] as string,
    token: async (conferenceId) => {
      const response = await fetch(`${base}/api/conferences/${conferenceId}/collab-token`, {
        method: "POST",
        headers: { cookie, "x-csrf-token": csrfToken },
      });
      if (response.status !== 200)
        throw new Error(`collab-token: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    durable: "saved",
    coldSnapshot: true,
  };
}
