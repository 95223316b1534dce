export * from "./client.ts";
export { PREPARED_PER_CONNECTION } from "./preparing-client.ts";
export * as schema from "./schema/index.ts";
