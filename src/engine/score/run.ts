/**
 * The run: one function, `evaluate`, serves two callers:
 *  - the fast path (no recorder): numbers only, no allocations, used by flips and bulk re-scoring;
 *  - the explained path (with a recorder): the same arithmetic, plus contributions, constraints
 *    and near-threshold notes.
 * Because both paths run the same code, an explained score can never disagree with a probe.
 * A probe that changes one answer re-runs only the sections that read it (FIELD_SECTIONS, derived
 * from the sections' and estimates' declarations) on top of the others' sums (fixSections).
 */
import { ANSWER_FIELDS, type AnswerField } from "../answers";
import { FIELD_INDEX } from "./encode";
import { computeCosts, computeEstimates, EST_ALL, EST_COSTS, ESTIMATES, type Estimate } from "./estimates";
import { applyCostComparison, applyFeasibility, chooseVariants, FEASIBILITY_ESTIMATES, FEASIBILITY_READS, keepFeasibility, reuseFeasibility } from "./feasibility";
import { applySections, SECTIONS } from "./rules";
import { BASE_SCORE, clampScore, COST_OVER_BUDGET_MAX, COST_VS_CHEAPEST_MAX, STRATEGY_INDEX, type EvalState } from "./state";

// Module-local indices (see ANSWER_INDEX in encode.ts).
const { E, N_STRATEGIES } = STRATEGY_INDEX;
const I_BUDGET = FIELD_INDEX.monthlyBudgetUsd;

/** Every section's bit. */
export const SEC_ALL = SECTIONS.reduce((m, s) => m | s.bit, 0);

/** The answers an estimate reads, with those of the estimates it builds on. */
function estimateReads(e: Estimate, out: Set<AnswerField>): void {
  for (const f of e.reads) out.add(f);
  for (const u of e.uses) estimateReads(u, out);
}

/** The answers each section reads, directly or through an estimate. */
const SECTION_FIELDS: readonly (readonly AnswerField[])[] = SECTIONS.map((s) => {
  const fields = new Set<AnswerField>(s.reads);
  for (const e of s.estimates) estimateReads(e, fields);
  return [...fields];
});

/** FIELD_SECTIONS[i]: the sections that must be re-evaluated when answer i changes. */
export const FIELD_SECTIONS: Int32Array = (() => {
  const out = new Int32Array(ANSWER_FIELDS.length);
  SECTIONS.forEach((s, k) => {
    for (const f of SECTION_FIELDS[k]!) out[FIELD_INDEX[f]] = out[FIELD_INDEX[f]]! | s.bit;
  });
  return out;
})();

/**
 * FIELD_ESTIMATES[i]: the estimates (a mask of EST_* bits, ESTIMATES order) that must be recomputed
 * when answer i changes: those reading it, directly or through an estimate they build on.
 */
export const FIELD_ESTIMATES: Int32Array = (() => {
  const out = new Int32Array(ANSWER_FIELDS.length);
  ESTIMATES.forEach((e, k) => {
    const fields = new Set<AnswerField>();
    estimateReads(e, fields);
    for (const f of fields) out[FIELD_INDEX[f]] = out[FIELD_INDEX[f]]! | (1 << k);
  });
  return out;
})();

/**
 * FIELD_FEASIBILITY[i]: 1 when a change of answer i can change the feasibility stage's blocks (it
 * reads the answer, directly or through an estimate, or a section that reads it blocks), else 0:
 * a probe of such an answer reuses the blocks found for the searched answers (reuseFeasibility).
 */
export const FIELD_FEASIBILITY: Uint8Array = (() => {
  const out = new Uint8Array(ANSWER_FIELDS.length);
  const fields = new Set<AnswerField>(FEASIBILITY_READS);
  for (const e of FEASIBILITY_ESTIMATES) estimateReads(e, fields);
  SECTIONS.forEach((s, k) => {
    if (s.blocks) for (const f of SECTION_FIELDS[k]!) fields.add(f);
  });
  for (const f of fields) out[FIELD_INDEX[f]] = 1;
  return out;
})();

/**
 * Evaluate every section except `sections` from the base score and keep the result: later
 * `evaluate(st, sections)` calls start from it. Fast path only (no recorder).
 */
export function fixSections(st: EvalState, sections: number): void {
  start(st, false);
  computeEstimates(st);
  // The sums of every section except `sections`, from each section's own points and blocks
  // (computed once per set of answers: a search fixes the sums once per probed answer). Points are
  // multiples of 0.5, so the sums are exact in any order.
  const sums = sectionSums(st);
  for (let k = 0; k < N_SECTIONS; k++) {
    if (SECTIONS[k]!.bit & sections) continue;
    for (let s = 0, j = k * N_STRATEGIES; s < N_STRATEGIES; s++, j++) {
      st.raw[s] = st.raw[s]! + sums.raw[j]!;
      if (sums.blocked[j]) st.blocked[s] = 1;
    }
  }
  // (element loops: TypedArray#set costs more than six copies)
  for (let s = 0; s < N_STRATEGIES; s++) {
    st.fixedRaw[s] = st.raw[s]!;
    st.fixedBlocked[s] = st.blocked[s]!;
    st.fixedCostPts[s] = st.costPts[s]!;
  }
}

const N_SECTIONS = SECTIONS.length;

/** Same answers (NaN, unknown, equals NaN). */
function sameAnswers(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const u = a[i]!;
    const v = b[i]!;
    if (u !== v && (u === u || v === v)) return false;
  }
  return true;
}

/**
 * Each section's points and blocks alone, for the answers in `st.x` (the estimates computed for
 * them): kept on the state, recomputed when the answers differ from those they were made for.
 * Fast path only; leaves `st.raw` and `st.blocked` to the caller.
 */
function sectionSums(st: EvalState): NonNullable<EvalState["sectionSums"]> {
  const kept = st.sectionSums;
  if (kept && sameAnswers(kept.x, st.x)) return kept;
  const sums = kept ?? {
    x: st.x.slice(),
    // Plain arrays: allocating typed arrays costs more, and a state (with these) is made per assessment.
    raw: new Array<number>(N_SECTIONS * N_STRATEGIES).fill(0),
    blocked: new Array<number>(N_SECTIONS * N_STRATEGIES).fill(0),
    feasibility: { blocked: [0, 0, 0, 0, 0, 0], variantBlocked: [0, 0, 0], schedBlocked: false, itemBlocked: false },
  };
  for (let i = 0; i < st.x.length; i++) sums.x[i] = st.x[i]!;
  for (let k = 0; k < N_SECTIONS; k++) {
    for (let s = 0; s < N_STRATEGIES; s++) {
      st.raw[s] = 0;
      st.blocked[s] = 0;
    }
    applySections(st, SECTIONS[k]!.bit);
    for (let s = 0, j = k * N_STRATEGIES; s < N_STRATEGIES; s++, j++) {
      sums.raw[j] = st.raw[s]!;
      sums.blocked[j] = st.blocked[s]!;
    }
  }
  // The feasibility stage's blocks on every section's (the estimates are those of these answers).
  for (let s = 0; s < N_STRATEGIES; s++) {
    let b = 0;
    for (let k = 0; k < N_SECTIONS; k++) b |= sums.blocked[k * N_STRATEGIES + s]!;
    st.blocked[s] = b;
  }
  applyFeasibility(st);
  keepFeasibility(st, sums.feasibility);
  for (let s = 0; s < N_STRATEGIES; s++) {
    st.raw[s] = BASE_SCORE;
    st.blocked[s] = 0;
  }
  st.sectionSums = sums;
  return sums;
}

/**
 * Score every strategy. Returns the index of the recommended strategy (highest clamped score
 * among feasible strategies; ties go to the earlier strategy in STRATEGIES order), or -1 when no
 * strategy is feasible (2.0.0: there is no fallback).
 * With `sections` (fast path only), only those sections are evaluated, on top of the sums kept by
 * the last `fixSections(st, sections)`; the answers the other sections read must not have changed.
 * With `estimates` (fast path only, a mask of EST_* bits), only those estimates are recomputed; the
 * answers the others read must not have changed since the last fixSections (or full evaluation).
 * With `feasibility` false (fast path only, for an answer i with FIELD_FEASIBILITY[i] 0), the
 * feasibility stage's blocks are those it found for the answers of the last fixSections.
 */
export function evaluate(st: EvalState, sections: number = SEC_ALL, estimates: number = EST_ALL, feasibility = true): number {
  if ((sections !== SEC_ALL || estimates !== EST_ALL || !feasibility) && st.rec) throw new Error("partial evaluation is for the fast path only");
  return run(st, sections, sections !== SEC_ALL, estimates, feasibility);
}

function run(st: EvalState, sec: number, fromFixed: boolean, est: number, feasibility: boolean): number {
  start(st, fromFixed);
  // The estimates feed the feasibility and cost stages, which run on every evaluation (2.0.0). A
  // probe recomputes only the estimates that read its answer (FIELD_ESTIMATES): the others still
  // hold the figures of the last fixSections, made with the same answers.
  computeEstimates(st, est);
  applySections(st, sec);
  if (feasibility) applyFeasibility(st);
  else reuseFeasibility(st, st.sectionSums!.feasibility);
  chooseVariants(st);
  applyCostComparison(st);
  return pickRecommended(st);
}

/**
 * `evaluate(st, sections, estimates, feasibility)`'s result for a probe (fast path), without the
 * cost stage when the winner is decided before it: the cost comparison only takes points off
 * server-side strategies (at most COST_VS_CHEAPEST_MAX, plus COST_OVER_BUDGET_MAX when the budget
 * is known) and blocks nothing, so when one feasible strategy's score after the largest possible
 * cost penalty still beats every other's before any, it wins whatever the costs (and when nothing
 * is feasible, nothing is). The costs are then not computed: the state's cost figures are left as
 * they were, so only the returned index is meaningful (probes read nothing else).
 */
export function probeEvaluate(st: EvalState, sec: number, est: number, feasibility: boolean): number {
  start(st, true);
  computeEstimates(st, est & ~EST_COSTS);
  applySections(st, sec);
  if (feasibility) applyFeasibility(st);
  else reuseFeasibility(st, st.sectionSums!.feasibility);
  const decided = decidedBeforeCosts(st);
  if (decided !== UNDECIDED) return decided;
  if (est & EST_COSTS) computeCosts(st);
  chooseVariants(st);
  applyCostComparison(st);
  return pickRecommended(st);
}

/**
 * The blocks alone (`st.blocked`, fast path): the sections and the feasibility stage, with the
 * estimates they read. The costs, the variants' choice and the cost comparison block nothing, so
 * they are skipped; scores and cost figures are not meaningful afterwards.
 */
export function evaluateBlocks(st: EvalState): void {
  if (st.rec) throw new Error("evaluateBlocks is for the fast path only");
  start(st, false);
  computeEstimates(st, EST_ALL & ~EST_COSTS);
  applySections(st, SEC_ALL);
  applyFeasibility(st);
}

const UNDECIDED = -2;

/** The winner when the cost stage cannot change it (-1: nothing feasible), else UNDECIDED. */
function decidedBeforeCosts(st: EvalState): number {
  const maxPenalty = COST_VS_CHEAPEST_MAX + (st.x[I_BUDGET]! === st.x[I_BUDGET]! ? COST_OVER_BUDGET_MAX : 0);
  // The best score after the largest penalty (ties to the earlier strategy, as pickRecommended).
  let best = -1;
  let bestLow = -Infinity;
  for (let s = 0; s < N_STRATEGIES; s++) {
    if (st.blocked[s]) continue;
    const low = clampScore(s === E ? st.raw[s]! : st.raw[s]! - maxPenalty);
    if (low > bestLow) {
      best = s;
      bestLow = low;
    }
  }
  if (best === -1) return -1;
  // Every other feasible strategy, at its highest (no penalty), must stay below it (or tie behind it).
  for (let s = 0; s < N_STRATEGIES; s++) {
    if (s === best || st.blocked[s]) continue;
    const high = clampScore(st.raw[s]!);
    if (high > bestLow || (high === bestLow && s < best)) return UNDECIDED;
  }
  return best;
}

function start(st: EvalState, fromFixed: boolean): void {
  const raw = st.raw;
  if (fromFixed) {
    for (let s = 0; s < N_STRATEGIES; s++) {
      raw[s] = st.fixedRaw[s]!;
      st.blocked[s] = st.fixedBlocked[s]!;
      st.costPts[s] = st.fixedCostPts[s]!;
    }
  } else {
    for (let s = 0; s < N_STRATEGIES; s++) {
      raw[s] = BASE_SCORE;
      st.blocked[s] = 0;
      st.costPts[s] = 0;
    }
  }
}

function pickRecommended(st: EvalState): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let s = 0; s < N_STRATEGIES; s++) {
    if (st.blocked[s]) continue;
    const sc = clampScore(st.raw[s]!);
    if (sc > bestScore) {
      best = s;
      bestScore = sc;
    }
  }
  return best;
}
