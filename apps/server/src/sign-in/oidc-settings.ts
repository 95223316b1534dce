import { USER_ROLES } from "@runder-tisch/contracts/vocabulary";
import { z } from "zod";
import { StartupProblem } from "../startup-problem.ts";

/**
 * One OpenID Connect provider as the IT department configures it (OIDC_PROVIDERS is a
 * JSON array of these). People are placed in an agency and given a role by the groups
 * the provider names for them; the platform admin further limits which agencies each
 * provider may assign (provider_agencies), so a misconfigured mapping cannot place
 * anyone in an agency the Kreis has not agreed to.
 */
export const ZOidcProviderSettings = z
  .object({
    /** Appears in the redirect address: /api/auth/oidc/<id>/callback. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
    /** The button's words on the sign-in page ("Anmelden mit …"). */
    label: z.string().min(1).max(60),
    issuer: z.string().url(),
    clientId: z.string().min(1),
    /** Unset: a public client (PKCE only). */
    clientSecret: z.string().min(1).optional(),
    scopes: z.string().default("openid email profile"),
    /** The claim listing the person's groups (a list of strings, or one string). */
    groupsClaim: z.string().min(1).default("groups"),
    /** Group → agency id. A person whose groups name no agency, or two, is not signed in. */
    agencies: z.record(z.string(), z.string().uuid()),
    /** Group → role; the highest role named wins. */
    roles: z.record(z.string(), z.enum(USER_ROLES)).default({}),
    /** The role of a person whose groups name none. */
    defaultRole: z.enum(USER_ROLES).default("member"),
    /** Create an account at the first sign-in (otherwise only existing accounts, by e-mail). */
    provision: z.boolean().default(true),
    /** Seconds of clock difference to the provider tolerated when checking token times. */
    clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
    /** Plain http to the provider, for a provider on the same host in tests and trials only. */
    allowHttp: z.boolean().default(false),
  })
  .strict();
export type OidcProviderSettings = z.infer<typeof ZOidcProviderSettings>;

const ZOidcProviderList = z
  .array(ZOidcProviderSettings)
  .max(10)
  .refine((list) => new Set(list.map((provider) => provider.id)).size === list.length, {
    message: "every provider needs its own id",
  });

/** The configured providers; a broken setting stops the start with one line saying what is wrong. */
export function parseOidcProviders(raw: string | undefined): OidcProviderSettings[] {
  if (raw === undefined || raw.trim() === "") return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new StartupProblem("OIDC_PROVIDERS ist kein gültiges JSON (erwartet: eine Liste).");
  }
  const result = ZOidcProviderList.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".") || "OIDC_PROVIDERS"}: ${issue.message}`,
    );
    throw new StartupProblem(`OIDC_PROVIDERS ungültig: ${problems.join("; ")}`);
  }
  return result.data;
}
