/**
 * The few REST calls the crash test makes against a real server process, over
 * HTTP like a browser (no app.inject: the app lives in another process).
 */

import { DEMO_PASSWORD } from "../../src/lib/demo-passwords.ts";

/** Resolves once GET /api/health answers 200, polling (the server may still be starting). */
export async function waitHealthy(address: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${address}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server at ${address} not healthy: ${last}`);
}

export interface DemoSignIn {
  /** The `Cookie` header a browser would send afterwards. */
  cookie: string;
  /** The header value state-changing requests must carry. */
  csrfToken: string;
}

/** Signs in as a demo user over HTTP, as a browser would. */
export async function signInDemo(address: string, email: string): Promise<DemoSignIn> {
  const response = await fetch(`${address}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${email} failed (${response.status}): ${await response.text()}`);
  }
  const session = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("rt_session="));
  if (session === undefined) throw new Error(`no session cookie for ${email}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: session, csrfToken };
}

async function getJson(address: string, cookie: string, path: string): Promise<unknown> {
  const response = await fetch(`${address}${path}`, { headers: { cookie } });
  if (response.status !== 200) {
    throw new Error(`GET ${path} failed (${response.status}): ${await response.text()}`);
  }
  return response.json();
}

interface IdRow {
  id: string;
}

/** The id of the case's conference in the given status (the demo case has one planned). */
export async function findConference(
  address: string,
  cookie: string,
  caseCode: string,
  status: string,
): Promise<string> {
  const { cases } = (await getJson(
    address,
    cookie,
    `/api/cases?q=${encodeURIComponent(caseCode)}`,
  )) as { cases: Array<IdRow & { code: string }> };
  const found = cases.find((row) => row.code === caseCode);
  if (found === undefined) throw new Error(`case ${caseCode} not visible`);
  const { conferences } = (await getJson(
    address,
    cookie,
    `/api/cases/${found.id}/conferences`,
  )) as { conferences: Array<IdRow & { status: string }> };
  const conference = conferences.find((row) => row.status === status);
  if (conference === undefined) throw new Error(`case ${caseCode} has no ${status} conference`);
  return conference.id;
}
