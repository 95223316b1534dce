import { type TLoginRequest, ZMeResponse, ZSignInOptions } from "@runder-tisch/contracts";
import { apiRequest, buildQuery } from "./client.ts";

// Only the sign-in page, which signed-in people never load.

export const login = (body: TLoginRequest) =>
  apiRequest("/api/auth/login", {
    method: "POST",
    body,
    schema: ZMeResponse,
    ignoreSessionLoss: true,
  });

export const fetchSignInOptions = () =>
  apiRequest("/api/auth/options", { schema: ZSignInOptions, ignoreSessionLoss: true });

/** Signing in at a provider is a page navigation: the provider's pages are not ours to fetch. */
export const signInWithUrl = (providerId: string, returnTo: string) =>
  `/api/auth/oidc/${encodeURIComponent(providerId)}/start${buildQuery({ returnTo })}`;
