import { z } from "zod";

export const ZHealthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["reachable", "unreachable"]),
  /**
   * The fan-out to other nodes: "connected", "disconnected" (edits and events stay on this
   * node until Redis is back; the node keeps serving) or "none" for a single process.
   */
  bus: z.enum(["connected", "disconnected", "none"]),
  time: z.string(),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;

/** The process is up and its event loop answers; says nothing about the database. */
export const ZLivenessResponse = z.object({ status: z.literal("ok") });
