import {
  ZOkResponse,
  ZRecoveryCodes,
  type ZSecondFactorConfirm,
  type ZSecondFactorRemove,
  ZSecondFactorSetup,
} from "@runder-tisch/contracts";
import type { z } from "zod";
import { apiRequest } from "./client.ts";

// Only the account page (also shown alone while the set-up of a second factor is required).

// The contracts name these bodies by their schemas only.
type TSecondFactorConfirm = z.infer<typeof ZSecondFactorConfirm>;
type TSecondFactorRemove = z.infer<typeof ZSecondFactorRemove>;

export const startSecondFactor = () =>
  apiRequest("/api/me/second-factor/setup", { method: "POST", schema: ZSecondFactorSetup });

export const confirmSecondFactor = (body: TSecondFactorConfirm) =>
  apiRequest("/api/me/second-factor/confirm", { method: "POST", body, schema: ZRecoveryCodes });

export const renewRecoveryCodes = () =>
  apiRequest("/api/me/second-factor/recovery-codes", { method: "POST", schema: ZRecoveryCodes });

export const removeSecondFactor = (body: TSecondFactorRemove) =>
  apiRequest("/api/me/second-factor", { method: "DELETE", body, schema: ZOkResponse });
