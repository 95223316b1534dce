import {
  type ZProviderAgenciesUpdate,
  ZSignInProvider,
  ZSignInProviderList,
} from "@runder-tisch/contracts";
import type { z } from "zod";
import { apiRequest } from "./client.ts";

// Only the administration's sign-in providers page.

// The contracts name this body by its schema only.
type TProviderAgenciesUpdate = z.infer<typeof ZProviderAgenciesUpdate>;

export const fetchSignInProviders = () =>
  apiRequest("/api/admin/sign-in-providers", { schema: ZSignInProviderList });

export const saveProviderAgencies = (providerId: string, body: TProviderAgenciesUpdate) =>
  apiRequest(`/api/admin/sign-in-providers/${encodeURIComponent(providerId)}/agencies`, {
    method: "PUT",
    body,
    schema: ZSignInProvider,
  });
