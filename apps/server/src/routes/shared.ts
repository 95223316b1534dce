import { ZErrorResponse } from "@runder-tisch/contracts";

/** Every route answers errors in the one shared shape; listed so OpenAPI shows it. */
export const errorResponses = {
  "4xx": ZErrorResponse,
  "5xx": ZErrorResponse,
} as const;
