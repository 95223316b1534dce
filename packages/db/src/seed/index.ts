export * from "./demo-kreis.ts";
export * from "./pathway-templates.ts";
export * from "./seed-demo.ts";
