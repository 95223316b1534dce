export * from "./actions.ts";
export * from "./audit.ts";
export * from "./cases.ts";
export * from "./conferences.ts";
export * from "./documents.ts";
export * from "./minutes.ts";
export * from "./people.ts";
export * from "./retention.ts";
