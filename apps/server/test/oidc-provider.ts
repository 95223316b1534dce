import { generateKeyPairSync, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/** A person at the test provider: what its ID token and userinfo will say. */
export interface ProviderAccount {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  groups: string[];
}

/** Changes the provider's ID token before it leaves, as a broken or hostile provider would. */
export type IdTokenTampering = (claims: Record<string, unknown>) => Record<string, unknown>;

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, ProviderAccount>;
  /** The next token answers carry an ID token changed so (and re-signed with the real key). */
  tamperIdToken(change: IdTokenTampering | undefined): void;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a local port, for sign-in
 * tests. Its login page is a one-field form: the account's subject, which a test (or the
 * browser test) fills in; consent is given with the login. Redirect addresses are given
 * by the caller, since the app's address is known only once it listens.
 */
export async function startOidcProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}): Promise<TestOidcProvider> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: "test-key",
    use: "sig",
    alg: "RS256",
  };
  const accounts = new Map<string, ProviderAccount>();
  const clientId = "runder-tisch";
  const clientSecret = "a-client-secret-for-tests-only";
  let tampering: IdTokenTampering | undefined;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.email ? { email: account.email } : {}),
          email_verified: account.emailVerified ?? true,
          ...(account.name ? { name: account.name } : {}),
          groups: account.groups,
        }),
      };
    },
  };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><html lang="de"><title>Kreis-Anmeldung</title><form method="post">` +
          `<label>Kennung <input name="login" autofocus></label><button>Anmelden</button></form></html>`,
      );
      return;
    }
    const body = await new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk) => {
        text += chunk;
      });
      req.on("end", () => resolve(text));
    });
    const login = new URLSearchParams(body).get("login") ?? "";
    if (!accounts.has(login)) {
      await provider.interactionFinished(req, res, {
        error: "access_denied",
        error_description: "unknown account",
      });
      return;
    }
    const grant = new provider.Grant({
      accountId: login,
      clientId: details.params.client_id as string,
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** Re-signs a changed ID token in the token answer with the provider's own key. */
  function tamperWith(res: ServerResponse, change: IdTokenTampering) {
    const end = res.end.bind(res);
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === "string" || Buffer.isBuffer(chunk)) {
        const answer = JSON.parse(chunk.toString()) as { id_token?: string };
        if (answer.id_token) {
          const [header, payload] = answer.id_token.split(".") as [string, string];
          const claims = change(JSON.parse(Buffer.from(payload, "base64url").toString()));
          const signed = `${header}.${base64url(JSON.stringify(claims))}`;
          answer.id_token = `${signed}.${base64url(sign("sha256", Buffer.from(signed), privateKey))}`;
          const text = JSON.stringify(answer);
          res.setHeader("content-length", Buffer.byteLength(text));
          return end(text);
        }
      }
      return end(chunk as never, ...(rest as []));
    }) as typeof res.end;
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
      return;
    }
    if (tampering && req.method === "POST" && req.url === "/token") tamperWith(res, tampering);
    handle(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamperIdToken(change) {
      tampering = change;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
