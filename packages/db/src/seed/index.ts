export * from "./demo-kreis.ts";
export * from "./seed-demo.ts";
