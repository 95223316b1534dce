import type { App } from "../src/app.ts";
import { SESSION_COOKIE } from "../src/sessions/request-session.ts";

/** Where the tests pretend the app lives (PUBLIC_URL): its pages are answered by inject. */
export const APP_ORIGIN = "http://app.test";

export interface SignInOutcome {
  /** Where the app sent the browser in the end (the app page, or the sign-in page with ?fehler=). */
  landedAt: string;
  /** The session cookie's value, if a session was opened. */
  session: string | undefined;
  /** The provider's answer as it reached the app, for replaying it. */
  callbackPath: string;
}

function setCookies(headers: Headers | Record<string, unknown>): string[] {
  if (headers instanceof Headers) return headers.getSetCookie();
  const raw = headers["set-cookie"];
  if (raw === undefined) return [];
  return Array.isArray(raw) ? (raw as string[]) : [String(raw)];
}

/**
 * A browser for the sign-in round trip: cookies per site, redirects followed by hand,
 * the app's side answered by `inject`, the provider's by real HTTP.
 */
export class SignInBrowser {
  private readonly appCookies = new Map<string, string>();
  private readonly providerCookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  private remember(jar: Map<string, string>, headers: Headers | Record<string, unknown>) {
    for (const line of setCookies(headers)) {
      const [pair] = line.split(";") as [string];
      const [name, ...value] = pair.split("=");
      if (!name) continue;
      const text = value.join("=");
      if (text === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name.trim());
      else jar.set(name.trim(), text);
    }
  }

  private cookieHeader(jar: Map<string, string>) {
    return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** GET on the app; answers the status and where it redirects to. */
  async appGet(path: string) {
    const response = await this.app.inject({
      method: "GET",
      url: path,
      headers: { cookie: this.cookieHeader(this.appCookies) },
    });
    this.remember(this.appCookies, response.headers);
    return {
      status: response.statusCode,
      location: response.headers.location as string | undefined,
    };
  }

  session(): string | undefined {
    return this.appCookies.get(SESSION_COOKIE);
  }

  forgetAppCookies() {
    this.appCookies.clear();
  }

  /**
   * From "Anmelden mit …" to the app: the provider's login form is answered with the
   * account's subject. Stops at the first address on the app after the provider.
   */
  async signIn(providerId: string, login: string, returnTo = "/"): Promise<SignInOutcome> {
    const start = await this.appGet(
      `/api/auth/oidc/${providerId}/start?returnTo=${encodeURIComponent(returnTo)}`,
    );
    if (!start.location) throw new Error(`start answered ${start.status} without a redirect`);
    let next = new URL(start.location, APP_ORIGIN);
    for (let hops = 0; hops < 10; hops++) {
      if (next.origin === APP_ORIGIN) {
        const callbackPath = `${next.pathname}${next.search}`;
        const answer = await this.appGet(callbackPath);
        return { landedAt: answer.location ?? "", session: this.session(), callbackPath };
      }
      const isForm = next.pathname.startsWith("/interaction/");
      const response = await fetch(next, {
        method: isForm ? "POST" : "GET",
        redirect: "manual",
        headers: {
          cookie: this.cookieHeader(this.providerCookies),
          ...(isForm ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(isForm ? { body: new URLSearchParams({ login }).toString() } : {}),
      });
      this.remember(this.providerCookies, response.headers);
      const location = response.headers.get("location");
      if (!location) {
        throw new Error(`provider answered ${response.status}: ${await response.text()}`);
      }
      next = new URL(location, next);
    }
    throw new Error("too many redirects");
  }
}
