import { z } from "zod";
import { ZId } from "./common.ts";
import { ZAgencyKind, ZUserRole } from "./enums.ts";

/** A code from the authenticator app (six digits) or a recovery code (xxxx-xxxx-xxxx). */
export const ZSecondFactorCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/, "six digits or a recovery code");

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
  /** Asked for (second_factor_required) once the account has a second factor. */
  code: ZSecondFactorCode.optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMeResponse = z.object({
  user: z.object({
    id: ZId,
    email: z.string(),
    displayName: z.string(),
    role: ZUserRole,
  }),
  agency: z.object({ id: ZId, name: z.string(), kind: ZAgencyKind }),
  /** Send back as `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
  /** The account has a password here (not only an identity provider's sign-in). */
  hasPassword: z.boolean(),
  /** The account has a second factor for password sign-in. */
  secondFactor: z.boolean(),
  /** The deployment requires a second factor for this role: it cannot be switched off. */
  secondFactorRequiredForRole: z.boolean(),
  /**
   * The deployment requires a second factor for this role and the account has none yet:
   * until it is set up, every other request is refused (second_factor_setup_required).
   */
  secondFactorSetupRequired: z.boolean(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

/** How people sign in here: the identity providers, and whether passwords are taken. */
export const ZSignInOptions = z.object({
  passwordSignIn: z.boolean(),
  providers: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type TSignInOptions = z.infer<typeof ZSignInOptions>;

export const ZLogoutResponse = z.object({
  ok: z.literal(true),
  /** The provider's sign-out page, when the session came from one that offers it. */
  continueAt: z.string().url().optional(),
});
export type TLogoutResponse = z.infer<typeof ZLogoutResponse>;

export const ZSecondFactorSetup = z.object({
  /** For typing into the app by hand (base32). */
  secret: z.string(),
  /** otpauth:// URI, also shown as a QR code. */
  uri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});
export type TSecondFactorSetup = z.infer<typeof ZSecondFactorSetup>;

export const ZSecondFactorConfirm = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;

/** Switching the second factor off needs the password again. */
export const ZSecondFactorRemove = z.object({ password: z.string().min(1).max(1024) });

/** The platform admin's view of one identity provider. */
export const ZSignInProvider = z.object({
  id: z.string(),
  label: z.string(),
  issuer: z.string(),
  /** Agencies the provider's group mapping names. */
  mappedAgencyIds: z.array(ZId),
  /** Agencies the platform admin lets this provider assign. */
  allowedAgencyIds: z.array(ZId),
});
export const ZSignInProviderList = z.object({ providers: z.array(ZSignInProvider) });
export type TSignInProvider = z.infer<typeof ZSignInProvider>;
export const ZProviderAgenciesUpdate = z.object({ agencyIds: z.array(ZId).max(200) });
