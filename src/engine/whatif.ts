/**
 * "What if" analyses built on the fast scoring path:
 *  - flips: for each known numeric answer, the nearest value (searched up to three orders of
 *    magnitude either way, or across the whole range for bounded fields) at which the
 *    recommendation changes — bracketed on a grid, narrowed by bisection, rounded to a
 *    readable value and re-scored to verify it;
 *  - unknown influence: for each unknown answer, which representative answers would change
 *    the recommendation.
 */
import {
  ANSWER_FIELDS,
  CONSUMERS,
  CRITICALITIES,
  DELIVERY_MODES,
  FEATURE_FRESHNESS,
  INPUT_SOURCES,
  NUMERIC_RANGES,
  type AnswerField,
  type NumericField,
} from "./answers";
import { FIELD_PHRASES } from "./fields";
import { formatFieldQuantity } from "./answer-text";
import { roundSig } from "./format";
import { ASSUMPTIONS, PLATFORM_LIMITS } from "./limits";
import {
  evaluate,
  FIELD_ESTIMATES,
  FIELD_FEASIBILITY,
  FIELD_INDEX,
  FIELD_SECTIONS,
  fixSections,
  LATENCY_TIERS_MS,
  probeEvaluate,
  STALENESS_TIERS_S,
  type EvalState,
} from "./score";
import { STRATEGIES, STRATEGY_LABELS, type StrategyId } from "./strategies";

const I_PEAK = FIELD_INDEX.peakRequestsPerSecond;
const I_AVG = FIELD_INDEX.avgRequestsPerSecond;

export interface FlipResult {
  field: NumericField;
  label: string;
  direction: "increase" | "decrease";
  current: number;
  value: number;
  boundary: number;
  /** null: nothing is feasible today (the flip makes a strategy feasible). */
  from: StrategyId | null;
  /** null: the change leaves no strategy feasible. */
  to: StrategyId | null;
  message: string;
}

interface FlipSpec {
  field: NumericField;
  /** Smallest positive value worth probing (used when the answer is 0 or the range is exclusive at 0). */
  floor: number;
  /** Bounded fields are scanned linearly across the whole range. */
  linear: boolean;
  /** Bisection tolerance: relative for geometric fields, absolute for linear ones. */
  tol: number;
}

/** The numeric answers that can move the recommendation, in questionnaire order. */
export const FLIP_SPECS: readonly FlipSpec[] = [
  { field: "latencyBudgetMs", floor: 1, linear: false, tol: 0.02 },
  { field: "maxStalenessSeconds", floor: 1, linear: false, tol: 0.02 },
  { field: "avgRequestsPerSecond", floor: 0.001, linear: false, tol: 0.02 },
  { field: "peakRequestsPerSecond", floor: 0.001, linear: false, tol: 0.02 },
  { field: "idleHoursPerDay", floor: 0, linear: true, tol: 0.25 },
  { field: "coldStartToleranceSeconds", floor: 1, linear: false, tol: 0.02 },
  { field: "payloadMB", floor: 0.01, linear: false, tol: 0.02 },
  { field: "processingTimeMs", floor: 0.1, linear: false, tol: 0.02 },
  { field: "modelSizeGB", floor: 0.01, linear: false, tol: 0.02 },
  { field: "entityCount", floor: 1, linear: false, tol: 0.02 },
  { field: "activeSharePercent", floor: 0, linear: true, tol: 0.5 },
  { field: "monthlyBudgetUsd", floor: 1, linear: false, tol: 0.02 },
];

const DECADES = 3;

/** A value of `field` as the questionnaire writes it (one unit per quantity across the page). */
export function formatFieldValue(field: AnswerField, v: number): string {
  return formatFieldQuantity(field, v);
}

/**
 * Probe: set x[i] = v, evaluate, restore. Only the sections and estimates that read answer i are
 * re-evaluated; the others are summed (computed) once per answer (every other answer keeps its
 * value between probes).
 */
function probe(st: EvalState, i: number, v: number): number {
  const x = st.x;
  const sections = FIELD_SECTIONS[i]!;
  if (st.fixedFor !== i) {
    fixSections(st, sections);
    st.fixedFor = i;
  }
  const old = x[i]!;
  x[i] = v;
  const r = probeEvaluate(st, sections, FIELD_ESTIMATES[i]!, FIELD_FEASIBILITY[i] === 1);
  x[i] = old;
  return r;
}

/** Readable numbers strictly beyond `same` (towards `diff`) and no further than `diff`, fewest digits first. */
export function niceBetween(same: number, diff: number, integer: boolean): number[] {
  const out: number[] = [];
  const up = diff > same;
  const span = Math.abs(diff);
  const mag = span > 0 ? Math.floor(Math.log10(span)) : 0;
  for (let d = 0; d <= 8; d++) {
    let inv = d - mag; // step = 10^-inv
    if (integer && inv > 0) inv = 0;
    const scale = 10 ** Math.abs(inv); // exact for |inv| <= 22
    const scaledSame = inv >= 0 ? same * scale : same / scale;
    const k = up ? Math.floor(scaledSame) + 1 : Math.ceil(scaledSame) - 1;
    const c = inv >= 0 ? k / scale : k * scale;
    if (up ? c > same && c <= diff : c < same && c >= diff) {
      if (out.length === 0 || out[out.length - 1] !== c) out.push(c);
      if (out.length >= 2) break;
    }
    if (integer && inv === 0) break;
  }
  return out;
}

const POW10: number[] = [];
for (let k = 0; k <= 22; k++) POW10.push(10 ** k);
/** 10 ** k for an integer k >= 0 (a table lookup up to 22: the same exact values). */
function pow10(k: number): number {
  return k <= 22 ? POW10[k]! : 10 ** k;
}

/** The first of `niceBetween(same, diff, integer)` (NaN when there is none), without allocating. */
function niceFirst(same: number, diff: number, integer: boolean): number {
  const up = diff > same;
  const span = Math.abs(diff);
  const mag = span > 0 ? Math.floor(Math.log10(span)) : 0;
  for (let d = 0; d <= 8; d++) {
    let inv = d - mag;
    if (integer && inv > 0) inv = 0;
    const scale = pow10(Math.abs(inv));
    const scaledSame = inv >= 0 ? same * scale : same / scale;
    const k = up ? Math.floor(scaledSame) + 1 : Math.ceil(scaledSame) - 1;
    const c = inv >= 0 ? k / scale : k * scale;
    if (up ? c > same && c <= diff : c < same && c >= diff) return c;
    if (integer && inv === 0) break;
  }
  return NaN;
}

/*
 * Breakpoints: rule thresholds on one field. `inclusiveUp`: the rule's outcome changes AT t when
 * moving up (rules written `v >= t` / `v < t`); otherwise just above t (rules written `v > t` /
 * `v <= t`). `exact`: t is a fixed constant (probe it exactly); computed thresholds are probed at a
 * readable value just beyond them, so floating-point rounding can never hide the change.
 *
 * The breakpoints of every flip field are computed up front from the base evaluation (probes
 * overwrite the state's estimates), into these scratch buffers: slot k holds FLIP_SPECS[k]'s.
 */
const MAX_BPS = 32;
const BP_T = new Float64Array(FLIP_SPECS.length * MAX_BPS);
const BP_INCLUSIVE_UP = new Uint8Array(FLIP_SPECS.length * MAX_BPS);
const BP_EXACT = new Uint8Array(FLIP_SPECS.length * MAX_BPS);
const BP_N = new Int32Array(FLIP_SPECS.length);
function bp(slot: number, t: number, inclusiveUp: boolean, exact: boolean): void {
  if (t === t && t >= 0 && t !== Infinity) {
    const j = slot * MAX_BPS + BP_N[slot]!;
    BP_T[j] = t;
    BP_INCLUSIVE_UP[j] = inclusiveUp ? 1 : 0;
    BP_EXACT[j] = exact ? 1 : 0;
    BP_N[slot] = BP_N[slot]! + 1;
  }
}

/**
 * Breakpoints of `field` given the other answers (into slot `slot`): the rule thresholds the
 * search probes first (the grid and bisection find any change they do not list).
 */
function analyse(field: NumericField, st: EvalState, slot: number): void {
  const x = st.x;
  const e = st.est;
  BP_N[slot] = 0;
  switch (field) {
    case "latencyBudgetMs": {
      for (const t of LATENCY_TIERS_MS) bp(slot, t, true, true);
      const p = valueAt(x, "processingTimeMs");
      bp(slot, p, false, false);
      bp(slot, p * ASSUMPTIONS.edgeSlowdown, false, false);
      break;
    }
    case "maxStalenessSeconds": {
      for (const t of STALENESS_TIERS_S) bp(slot, t, true, true);
      const d = ASSUMPTIONS.batchOverheadSeconds;
      bp(slot, d, false, true);
      bp(slot, d + ASSUMPTIONS.microBatchCadenceSeconds, true, true);
      break;
    }
    case "avgRequestsPerSecond":
      bp(slot, valueAt(x, "peakRequestsPerSecond") / 10, false, false);
      bp(slot, 0, false, true);
      break;
    case "peakRequestsPerSecond":
      bp(slot, 0.01, true, true);
      bp(slot, valueAt(x, "avgRequestsPerSecond") * 10, true, false);
      break;
    case "idleHoursPerDay":
      bp(slot, 12, true, true);
      break;
    case "coldStartToleranceSeconds":
      bp(slot, e.rtColdStartS, true, false);
      break;
    case "payloadMB":
      bp(slot, PLATFORM_LIMITS.syncPayloadWarnMB, false, true);
      bp(slot, PLATFORM_LIMITS.syncPayloadMB, false, true);
      // 2.0.0 hard limits (engine branch): dedicated endpoints, stream records, Batch Transform mini-batches, serverless.
      bp(slot, PLATFORM_LIMITS.dedicatedPayloadMB, false, true);
      bp(slot, PLATFORM_LIMITS.streamRecordMB, false, true);
      bp(slot, PLATFORM_LIMITS.batchMiniBatchMB, false, true);
      bp(slot, 4, false, true);
      bp(slot, PLATFORM_LIMITS.asyncPayloadMB, false, true);
      break;
    case "processingTimeMs": {
      bp(slot, 10_000, true, true);
      bp(slot, PLATFORM_LIMITS.syncTimeoutMs, false, true);
      bp(slot, PLATFORM_LIMITS.asyncTimeoutMs, false, true);
      bp(slot, PLATFORM_LIMITS.jobMaxRuntimeMs, false, true);
      const l = valueAt(x, "latencyBudgetMs");
      bp(slot, l, true, false);
      bp(slot, l / ASSUMPTIONS.edgeSlowdown, true, false);
      break;
    }
    case "modelSizeGB": {
      bp(slot, 0.2, false, true);
      bp(slot, PLATFORM_LIMITS.edgeModelGB, false, true);
      const gpu = valueAt(x, "needsGpu") === 1;
      const tol = valueAt(x, "coldStartToleranceSeconds");
      bp(slot, (tol - (gpu ? ASSUMPTIONS.coldStartBaseGpuS : ASSUMPTIONS.coldStartBaseCpuS)) / ASSUMPTIONS.coldStartPerGbS, false, false);
      break;
    }
    case "entityCount":
      break;
    case "activeSharePercent":
      bp(slot, 10, true, true);
      bp(slot, 50, true, true);
      bp(slot, 80, true, true);
      break;
    case "monthlyBudgetUsd":
      // cost-vs-budget tiers: budget >= 4c (+), budget < c (-), budget < c/3 (--), for strategies that can win.
      for (let s = 0; s < STRATEGIES.length; s++) {
        if (st.blocked[s]) continue;
        const c = e.cost[s]!;
        if (!(c > 0) || c === Infinity) continue;
        bp(slot, 4 * c, true, false);
        bp(slot, c, true, false);
        bp(slot, c / 3, true, false);
      }
      break;
  }
}

function valueAt(x: readonly number[], f: AnswerField): number {
  return x[FIELD_INDEX[f]]!;
}
// Candidate values of one search direction (scratch, sorted in place): value and whether it is a
// breakpoint (probed even where cost cannot flip the outcome) or a grid point.
const CAND_V = new Float64Array(MAX_BPS + 24);
const CAND_BP = new Uint8Array(MAX_BPS + 24);
let candN = 0;

function pushCandidate(up: boolean, v0: number, hi: number, floor: number, integer: boolean, v: number, breakpoint: boolean): void {
  if (integer) v = up ? Math.ceil(v) : Math.floor(v);
  if (up ? v > v0 && v <= hi : v < v0 && v >= floor) {
    CAND_V[candN] = v;
    CAND_BP[candN] = breakpoint ? 1 : 0;
    candN++;
  }
}

/** Stable insertion sort of the candidates: nearest first, a breakpoint before a grid point at the same value. */
function sortCandidates(up: boolean): void {
  for (let k = 1; k < candN; k++) {
    const v = CAND_V[k]!;
    const b = CAND_BP[k]!;
    let j = k - 1;
    while (j >= 0) {
      const w = CAND_V[j]!;
      const after = up ? w > v : w < v;
      if (!(after || (w === v && b === 1 && CAND_BP[j] === 0))) break;
      CAND_V[j + 1] = w;
      CAND_BP[j + 1] = CAND_BP[j]!;
      j--;
    }
    CAND_V[j + 1] = v;
    CAND_BP[j + 1] = b;
  }
}

// Result of the last successful searchDirection.
let foundSame = NaN;
let foundDiff = NaN;
let foundTo = -1;
let foundExactAt = false;

/** Grid points per decade of the outward scan of a geometric field. */
const GRID_PER_DECADE = 1;
const GRID_RATIO = 10 ** (1 / GRID_PER_DECADE);
/** Grid steps across the whole range of a bounded (linear) field. */
const LINEAR_STEPS = 8;
/** Bisection stops when the bracket is this narrow (relative): half the promised 1%. */
const REL_TOL = 0.004;
/** Searches per direction: a later one looks closer when the value 1% short of a flip still changes. */
const MAX_ATTEMPTS = 4;

/**
 * Search one direction of FLIP_SPECS[slot] outward from the current value, no further than
 * `limit` (NaN: the field's range); true when a change was found (see found*). Candidates are
 * the field's rule thresholds (probed exactly) and a geometric (or, for bounded fields, linear)
 * grid; the first candidate that changes the recommendation ends the scan, and a change first
 * seen at a grid point is narrowed by bisection to within REL_TOL of the nearest change.
 */
function searchDirection(st: EvalState, slot: number, base: number, up: boolean, limit: number): boolean {
  const spec = FLIP_SPECS[slot]!;
  const i = FIELD_INDEX[spec.field];
  const x = st.x;
  const v0 = x[i]!;
  const range = NUMERIC_RANGES[spec.field];
  let lo: number = range.min;
  let hi: number = range.max;
  if (spec.field === "avgRequestsPerSecond") {
    const peak = x[I_PEAK]!;
    if (peak === peak) hi = Math.min(hi, peak);
  } else if (spec.field === "peakRequestsPerSecond") {
    const avg = x[I_AVG]!;
    if (avg === avg) lo = Math.max(lo, avg);
  }
  const integer = range.integer;
  let floor = range.minExclusive ? Math.max(spec.floor, lo) : lo;
  if (limit === limit) {
    if (up) hi = Math.min(hi, limit);
    else floor = Math.max(floor, limit);
  }
  candN = 0;
  const nb = BP_N[slot]!;
  for (let k = slot * MAX_BPS, end = k + nb; k < end; k++) {
    const t = BP_T[k]!;
    const inclusiveUp = BP_INCLUSIVE_UP[k] === 1;
    const exact = BP_EXACT[k] === 1;
    if (up ? t * 1.005 <= v0 || t > hi : t * 0.995 >= v0 || t < floor) continue; // out of this direction
    if (up) {
      if (inclusiveUp && exact) pushCandidate(up, v0, hi, floor, integer, t, true);
      else {
        const nice = niceFirst(t, t === 0 ? spec.floor : t * 1.005, integer);
        if (nice === nice) pushCandidate(up, v0, hi, floor, integer, nice, true);
      }
    } else if (!inclusiveUp && exact) pushCandidate(up, v0, hi, floor, integer, t, true);
    else {
      const nice = niceFirst(t, t * 0.995, integer);
      if (nice === nice) pushCandidate(up, v0, hi, floor, integer, nice, true);
    }
  }
  // The grid: every field, whatever the rules read (a threshold the breakpoints do not list is
  // still found, to the bisection's precision).
  if (spec.linear) {
    const step = (range.max - range.min) / LINEAR_STEPS;
    if (up) for (let v = v0 + step; v < hi; v += step) pushCandidate(up, v0, hi, floor, integer, v, false);
    else for (let v = v0 - step; v > floor; v -= step) pushCandidate(up, v0, hi, floor, integer, v, false);
  } else if (up) {
    const start = v0 > 0 ? v0 : spec.floor;
    if (v0 <= 0) pushCandidate(up, v0, hi, floor, integer, start, false);
    let v = start;
    for (let k = 1; k <= DECADES * GRID_PER_DECADE; k++) {
      v *= GRID_RATIO;
      if (v >= hi) break;
      pushCandidate(up, v0, hi, floor, integer, v, false);
    }
  } else {
    let v = v0;
    for (let k = 1; k <= DECADES * GRID_PER_DECADE; k++) {
      v /= GRID_RATIO;
      if (v <= floor) break;
      pushCandidate(up, v0, hi, floor, integer, v, false);
    }
  }
  // The end of the range (or the limit, which is known to change the recommendation).
  pushCandidate(up, v0, hi, floor, integer, up ? hi : floor, false);
  if (candN === 0) return false;
  sortCandidates(up);
  let same = v0;
  for (let k = 0; k < candN; k++) {
    const cv = CAND_V[k]!;
    if (cv === same) continue;
    const r = probe(st, i, cv);
    if (r === base) {
      same = cv;
      continue;
    }
    if (CAND_BP[k] === 1 && (k === 0 || CAND_V[k - 1] === same)) {
      // A threshold probed right after the last unchanged value: narrow only if it is far from it.
      if (Math.abs(cv - same) <= REL_TOL * Math.max(Math.abs(cv), Math.abs(same)) || (integer && Math.abs(cv - same) <= 1)) {
        foundSame = same;
        foundDiff = cv;
        foundTo = r;
        foundExactAt = true;
        return true;
      }
    }
    // Narrow [same, cv] by bisection (log scale for positive geometric fields).
    let a = same;
    let b = cv;
    let rb = r;
    for (let iter = 0; iter < 60; iter++) {
      const geometric = !spec.linear && a > 0 && b > 0;
      const wa = Math.abs(a);
      const wb = Math.abs(b);
      if (integer && Math.abs(b - a) <= 1) break;
      if (Math.abs(b - a) <= REL_TOL * Math.max(wa, wb) || Math.max(wa, wb) < spec.floor * REL_TOL) break;
      let m = geometric ? Math.sqrt(a * b) : (a + b) / 2;
      if (integer) m = Math.round(m);
      if (m === a || m === b) break;
      const rm = probe(st, i, m);
      if (rm === base) a = m;
      else {
        b = m;
        rb = rm;
      }
    }
    foundSame = a;
    foundDiff = b;
    foundTo = rb;
    foundExactAt = CAND_BP[k] === 1 && b === cv;
    return true;
  }
  return false;
}

/** Whether `v` is a valid answer for `field` given the other answers (range; average <= peak). */
function validAnswer(x: readonly number[], field: NumericField, v: number): boolean {
  const r = NUMERIC_RANGES[field];
  if (r.minExclusive ? v <= r.min : v < r.min) return false;
  if (v > r.max || (r.integer && !Number.isInteger(v))) return false;
  if (field === "avgRequestsPerSecond") return !(x[I_PEAK]! < v);
  if (field === "peakRequestsPerSecond") return !(x[I_AVG]! > v);
  return true;
}

/** The value 1% short of `value` towards the current value `v0` (never past it); integers rounded towards `v0`. */
export function shortOfFlip(value: number, v0: number, up: boolean, integer: boolean): number {
  let s = up ? value / 1.01 : value * 1.01;
  if (integer) s = up ? Math.floor(s) : Math.ceil(s);
  return up ? Math.max(s, v0) : Math.min(s, v0);
}

function strategyAt(s: number): StrategyId | null {
  return s >= 0 ? STRATEGIES[s]! : null;
}

function flipMessage(phrase: string, up: boolean, field: NumericField, value: number, v0: number, from: StrategyId | null, to: StrategyId | null): string {
  const change = `If the ${phrase} were ${up ? "raised" : "lowered"} to ${formatFieldValue(field, value)} (now ${formatFieldValue(field, v0)})`;
  if (from === null) return `${change}, ${STRATEGY_LABELS[to!]} would become feasible and be recommended (today no strategy is feasible).`;
  if (to === null) return `${change}, no strategy would be feasible any more (today: ${STRATEGY_LABELS[from]}).`;
  return `${change}, ${STRATEGY_LABELS[to]} would be recommended instead of ${STRATEGY_LABELS[from]}.`;
}

/**
 * Flips of every known numeric answer: for each direction, the nearest value (within 1%) at which
 * the recommendation changes, rounded to a readable value when one is as near, and verified — it
 * re-scores to another recommendation (or to none feasible, or from none to one), and the value
 * 1% short of it (towards the current answer) does not. `st` is a fast-path state (no recorder);
 * the answers are restored after each probe. `base` is the recommended strategy's index, or -1
 * when nothing is feasible. `evaluated`: a full evaluation of the same answers and prices (the
 * explained one), read by the breakpoint analysis instead of evaluating again.
 */
export function computeFlips(st: EvalState, base: number, evaluated?: EvalState): FlipResult[] {
  const x = st.x;
  // The breakpoint analysis reads a full evaluation of the answers (estimates, blocks): `evaluated`
  // when the caller has one (the explained evaluation of the same answers and prices), else this one.
  let full = evaluated;
  if (!full) {
    evaluate(st);
    full = st;
  }
  for (let k = 0; k < FLIP_SPECS.length; k++) {
    const spec = FLIP_SPECS[k]!;
    const v = x[FIELD_INDEX[spec.field]]!;
    if (v === v) analyse(spec.field, full, k);
    else BP_N[k] = -1; // unknown: no flips
  }
  const out: FlipResult[] = [];
  for (let k = 0; k < FLIP_SPECS.length; k++) {
    const spec = FLIP_SPECS[k]!;
    if (BP_N[k]! < 0) continue;
    const i = FIELD_INDEX[spec.field];
    const v0 = x[i]!;
    const integer = NUMERIC_RANGES[spec.field].integer;
    for (let d = 0; d < 2; d++) {
      const up = d === 1;
      let limit = NaN;
      let accepted = false;
      let value = NaN;
      let to = -1;
      let same = NaN;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !accepted; attempt++) {
        if (!searchDirection(st, k, base, up, limit)) break;
        same = foundSame;
        value = foundDiff;
        to = foundTo;
        const candidates: number[] = [];
        if (!foundExactAt) {
          // Prefer a readable value: inside the bracket, else just beyond it.
          const diff = foundDiff;
          const beyond = up ? diff * (1 + REL_TOL) : diff * (1 - REL_TOL);
          candidates.push(...niceBetween(same, diff, integer), ...niceBetween(diff, beyond, integer), roundSig(diff, 4));
        }
        candidates.push(foundDiff);
        let closer = NaN;
        for (const c of candidates) {
          if (up ? c <= v0 || c > foundDiff * (1 + REL_TOL) : c >= v0 || c < foundDiff * (1 - REL_TOL)) continue;
          if (!validAnswer(x, spec.field, c)) continue;
          const r = c === foundDiff ? foundTo : probe(st, i, c);
          if (r === base) continue;
          // Verified: the value 1% short of it (towards the current answer) keeps the recommendation.
          const s = shortOfFlip(c, v0, up, integer);
          // (Zero has no value 1% short of it: the bisection brought the bracket within 0.4% of the floor.)
          if (s !== v0 && s !== c && probe(st, i, s) !== base) {
            if (!(closer === closer) || (up ? s < closer : s > closer)) closer = s;
            continue;
          }
          value = c;
          to = r;
          accepted = true;
          break;
        }
        // A change even closer than the one found: search again, no further than it.
        if (!accepted) {
          if (!(closer === closer)) break;
          limit = closer;
        }
      }
      if (!accepted) continue;
      const from = strategyAt(base);
      const toId = strategyAt(to);
      const phrase = FIELD_PHRASES[spec.field];
      out.push({
        field: spec.field,
        label: phrase,
        direction: up ? "increase" : "decrease",
        current: v0,
        value,
        boundary: roundSig(same, 6),
        from,
        to: toId,
        message: flipMessage(phrase, up, spec.field, value, v0, from, toId),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Unknown answers: which answers would change the recommendation?
// ---------------------------------------------------------------------------------------------

const REPRESENTATIVE: Record<NumericField, readonly number[]> = {
  latencyBudgetMs: [30, 300, 10_000, 600_000, 7_200_000],
  maxStalenessSeconds: [0, 30, 1_800, 21_600, 172_800],
  entityCount: [1_000, 1_000_000, 100_000_000],
  activeSharePercent: [5, 50, 100],
  avgRequestsPerSecond: [0.001, 10, 1_000],
  peakRequestsPerSecond: [0.001, 10, 1_000],
  idleHoursPerDay: [0, 12, 20],
  coldStartToleranceSeconds: [0, 30, 600],
  payloadMB: [0.01, 10, 2_000],
  processingTimeMs: [5, 500, 120_000],
  modelSizeGB: [0.05, 2, 50],
  monthlyBudgetUsd: [100, 5_000, 100_000],
};

const ENUM_COUNTS: Partial<Record<AnswerField, number>> = {
  consumer: CONSUMERS.length,
  featureFreshness: FEATURE_FRESHNESS.length,
  inputSource: INPUT_SOURCES.length,
  deliveryMode: DELIVERY_MODES.length,
  criticality: CRITICALITIES.length,
};

const BOOLEAN_FIELDS: ReadonlySet<AnswerField> = new Set(["inputsEnumerable", "needsGpu", "offlineOrOnDevice", "fallbackAcceptable"]);

export interface UnknownInfluence {
  field: AnswerField;
  probes: number;
  changes: number;
  alternatives: StrategyId[];
}

/** The representative answers probed for each unknown answer, by field index. */
const INFLUENCE_VALUES: readonly (readonly number[])[] = ANSWER_FIELDS.map((field) => {
  if (field in REPRESENTATIVE) return REPRESENTATIVE[field as NumericField];
  if (BOOLEAN_FIELDS.has(field)) return [0, 1];
  return Array.from({ length: ENUM_COUNTS[field] ?? 0 }, (_, k) => k);
});

/**
 * Which representative answers of each unknown answer would change the recommendation. `st` is a
 * fast-path state (no recorder) holding the answers; they are restored after each probe.
 */
export function unknownInfluence(st: EvalState, base: number, unknown: readonly AnswerField[]): UnknownInfluence[] {
  const x = st.x;
  const out: UnknownInfluence[] = [];
  for (const field of unknown) {
    const i = FIELD_INDEX[field];
    const values = INFLUENCE_VALUES[i]!;
    let changes = 0;
    let alt = 0; // bit set of strategy indices
    for (let k = 0; k < values.length; k++) {
      let v = values[k]!;
      if (i === I_AVG) {
        const peak = x[I_PEAK]!;
        if (peak === peak) v = Math.min(v, peak);
      } else if (i === I_PEAK) {
        const avg = x[I_AVG]!;
        if (avg === avg) v = Math.max(v, avg);
      }
      const r = probe(st, i, v);
      if (r !== base) {
        changes++;
        alt |= 1 << r;
      }
    }
    if (changes > 0) {
      const alternatives: StrategyId[] = [];
      for (let s = 0; s < STRATEGIES.length; s++) if (alt & (1 << s)) alternatives.push(STRATEGIES[s]!);
      out.push({ field, probes: values.length, changes, alternatives });
    }
  }
  out.sort((a, b) => b.changes / b.probes - a.changes / a.probes);
  return out;
}
