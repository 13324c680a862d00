export { DEMO_WEEKS, type RealisticDemoResult, runRealisticDemo } from "./demo/realistic.ts";
export {
  generateSyntheticOrganization,
  planSyntheticOrganization,
  type SyntheticOptions,
  type SyntheticSummary,
} from "./demo/synthetic.ts";
export { createProgram } from "./program.ts";
