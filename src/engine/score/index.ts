/**
 * The scoring core, as the rest of the engine uses it (assess.ts, whatif.ts). Layout:
 *  encode.ts     answers -> number[] (NaN = unknown)
 *  state.ts      strategy indices, point weight, evaluation state and estimate figures, recorder,
 *                point helpers
 *  tables.ts     raw points, reasons and labels of every factor
 *  estimates.ts  cold start, batch run, replicas and costs; what each reads
 *  parts.ts      moving parts (complexity)
 *  rules.ts      the 16 factor sections; what each reads
 *  feasibility.ts  the stages after the sections: feasibility (documented limits, variants) and
 *                cost compared across strategies; they run on every evaluation
 *  run.ts        evaluate / fixSections, and FIELD_SECTIONS derived from the declarations
 */
export { encodeAnswers, FIELD_INDEX } from "./encode";
export { BASE_SCORE, clampScore, COST_POINTS_MAX, COST_POINTS_MIN, createState, Recorder, type EvalState } from "./state";
export { complexityLevel } from "./parts";
export { LATENCY_TIERS_MS, STALENESS_TIERS_S } from "./tables";
export { evaluate, evaluateBlocks, FIELD_ESTIMATES, FIELD_FEASIBILITY, FIELD_SECTIONS, fixSections, probeEvaluate, SEC_ALL } from "./run";
export { STAGE_READS } from "./feasibility";
