import { ZLogoutResponse, ZMeResponse } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: who is signed in, and signing out from the shell's menu.

export const fetchMe = () =>
  apiRequest("/api/me", { schema: ZMeResponse, ignoreSessionLoss: true });

/** `continueAt` is the provider's sign-out page, where the browser must go next. */
export const logout = () =>
  apiRequest("/api/auth/logout", { method: "POST", schema: ZLogoutResponse });
