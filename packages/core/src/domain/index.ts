// The pure domain rules: no I/O and no clock of their own, so server, web, CLI and exports agree on every number.
export * from "./abilities.ts";
export * from "./alignment.ts";
export * from "./check-in-rate.ts";
export * from "./check-in-week.ts";
export * from "./decimal.ts";
export * from "./health.ts";
export * from "./org-graph.ts";
export * from "./password.ts";
export * from "./policy.ts";
export * from "./progress.ts";
export * from "./rollup.ts";
export * from "./scoring.ts";
export * from "./types.ts";
export * from "./workflow.ts";
