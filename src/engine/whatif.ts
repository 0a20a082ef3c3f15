/**
 * "What if" analyses built on the fast scoring path:
 *  - flips: for each known numeric answer, the nearest value (searched up to three orders of
 *    magnitude either way, or across the whole range for bounded fields) at which the
 *    recommendation changes — bracketed on a grid, narrowed by bisection, rounded to a
 *    readable value and re-scored to verify it;
 *  - unknown influence: for each unknown answer, which representative answers would change
 *    the recommendation.
 */
import { NUMERIC_RANGES as NUMERIC_RANGES$, type AnswerField, type NumericField } from "./answers";
import { FIELD_PHRASES as FIELD_PHRASES$ } from "./fields";
import { formatDurationMs as formatDurationMs$, formatDurationSeconds as formatDurationSeconds$, formatMegabytes as formatMegabytes$, formatNumber as formatNumber$, formatUsd as formatUsd$, roundSig as roundSig$ } from "./format";
import { ASSUMPTIONS as ASSUMPTIONS$, PLATFORM_LIMITS as PLATFORM_LIMITS$ } from "./limits";
import { CRITICALITIES as CRITICALITIES$, CONSUMERS as CONSUMERS$, DELIVERY_MODES as DELIVERY_MODES$, FEATURE_FRESHNESS as FEATURE_FRESHNESS$, INPUT_SOURCES as INPUT_SOURCES$ } from "./answers";
import { clampScore as clampScore$, COST_POINTS_MAX as COST_POINTS_MAX$, COST_POINTS_MIN as COST_POINTS_MIN$, createState as createState$, evaluate as evaluate$, FIELD_INDEX as FIELD_INDEX$, LATENCY_TIERS_MS as LATENCY_TIERS_MS$, STALENESS_TIERS_S as STALENESS_TIERS_S$, type EvalState } from "./score";
import { STRATEGIES as STRATEGIES$, STRATEGY_LABELS as STRATEGY_LABELS$, type StrategyId } from "./strategies";
import type { PriceTable } from "./prices";

// Module-local bindings of imported values (see docs/engine.md §10: no namespace getters on hot paths).
const NUMERIC_RANGES = NUMERIC_RANGES$;
const FIELD_PHRASES = FIELD_PHRASES$;
const formatDurationMs = formatDurationMs$;
const formatDurationSeconds = formatDurationSeconds$;
const formatMegabytes = formatMegabytes$;
const formatNumber = formatNumber$;
const formatUsd = formatUsd$;
const roundSig = roundSig$;
const ASSUMPTIONS = ASSUMPTIONS$;
const PLATFORM_LIMITS = PLATFORM_LIMITS$;
const CRITICALITIES = CRITICALITIES$;
const CONSUMERS = CONSUMERS$;
const DELIVERY_MODES = DELIVERY_MODES$;
const FEATURE_FRESHNESS = FEATURE_FRESHNESS$;
const INPUT_SOURCES = INPUT_SOURCES$;
const clampScore = clampScore$;
const COST_POINTS_MAX = COST_POINTS_MAX$;
const COST_POINTS_MIN = COST_POINTS_MIN$;
const createState = createState$;
const evaluate = evaluate$;
const FIELD_INDEX = FIELD_INDEX$;
const LATENCY_TIERS_MS = LATENCY_TIERS_MS$;
const STALENESS_TIERS_S = STALENESS_TIERS_S$;
const STRATEGIES = STRATEGIES$;
const STRATEGY_LABELS = STRATEGY_LABELS$;

export interface FlipResult {
  field: NumericField;
  label: string;
  direction: "increase" | "decrease";
  current: number;
  value: number;
  boundary: number;
  from: StrategyId;
  to: StrategyId;
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

export function formatFieldValue(field: AnswerField, v: number): string {
  switch (field) {
    case "latencyBudgetMs":
    case "processingTimeMs": {
      const human = formatDurationMs(v);
      return v < 1000 || roundSig(v, 2) === v ? human : `${human} (${formatNumber(v, 3)} ms)`;
    }
    case "maxStalenessSeconds":
    case "coldStartToleranceSeconds": {
      const human = formatDurationSeconds(v);
      return v < 60 || roundSig(v, 2) === v ? human : `${human} (${formatNumber(v, 3)} s)`;
    }
    case "payloadMB":
      return formatMegabytes(v);
    case "modelSizeGB":
      return `${formatNumber(v, 3)} GB`;
    case "monthlyBudgetUsd":
      return formatUsd(v);
    case "activeSharePercent":
      return `${formatNumber(v, 1)}%`;
    case "idleHoursPerDay":
      return `${formatNumber(v, 2)} h`;
    case "avgRequestsPerSecond":
    case "peakRequestsPerSecond":
      return `${formatNumber(v, v < 1 ? 4 : 1)} req/s`;
    default:
      return formatNumber(v, 0);
  }
}

/** Probe: set x[i] = v, evaluate, restore. */
function probe(st: EvalState, i: number, v: number): number {
  const x = st.x;
  const old = x[i]!;
  x[i] = v;
  const r = evaluate(st);
  x[i] = old;
  return r;
}

function bounds(spec: FlipSpec, x: Float64Array): { lo: number; hi: number; loExclusive: boolean } {
  const r = NUMERIC_RANGES[spec.field];
  let lo: number = r.min;
  let hi: number = r.max;
  if (spec.field === "avgRequestsPerSecond") {
    const peak = x[FIELD_INDEX.peakRequestsPerSecond]!;
    if (peak === peak) hi = Math.min(hi, peak);
  } else if (spec.field === "peakRequestsPerSecond") {
    const avg = x[FIELD_INDEX.avgRequestsPerSecond]!;
    if (avg === avg) lo = Math.max(lo, avg);
  }
  return { lo, hi, loExclusive: r.minExclusive };
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

/**
 * A rule threshold on one field. `inclusiveUp`: the rule's outcome changes AT t when moving up
 * (rules written `v >= t` / `v < t`); otherwise just above t (rules written `v > t` / `v <= t`).
 * `exact`: t is a fixed constant (probe it exactly); computed thresholds are probed at a readable
 * value just beyond them, so floating-point rounding can never hide the change.
 */
interface Breakpoint {
  t: number;
  inclusiveUp: boolean;
  exact: boolean;
}

function bp(out: Breakpoint[], t: number, inclusiveUp: boolean, exact: boolean): void {
  if (t === t && t >= 0 && t !== Infinity) out.push({ t, inclusiveUp, exact });
}

/**
 * Breakpoints of `field` given the other answers, and whether the field also influences the
 * outcome continuously (then the search adds a decade grid and bisection).
 */
interface Analysis {
  bps: Breakpoint[];
  /** The field moves estimated costs continuously (matters only through the cost-vs-budget factor). */
  costContinuous: boolean;
  /** The field moves the batch run length continuously (hard/soft batch rules). */
  batchContinuous: boolean;
}

function analyse(field: NumericField, st: EvalState): Analysis {
  const x = st.x;
  const e = st.est;
  const budgetKnown = knownAt(x, "monthlyBudgetUsd");
  const bps: Breakpoint[] = [];
  let continuous = false;
  let batchContinuous = false;
  switch (field) {
    case "latencyBudgetMs": {
      for (const t of LATENCY_TIERS_MS) bp(bps, t, true, true);
      const p = valueAt(x, "processingTimeMs");
      bp(bps, p, false, false);
      bp(bps, p * ASSUMPTIONS.edgeSlowdown, false, false);
      continuous = budgetKnown;
      break;
    }
    case "maxStalenessSeconds": {
      for (const t of STALENESS_TIERS_S) bp(bps, t, true, true);
      const d = ASSUMPTIONS.batchOverheadSeconds;
      bp(bps, d, false, true);
      bp(bps, d + ASSUMPTIONS.microBatchCadenceSeconds, true, true);
      continuous = budgetKnown;
      batchContinuous = knownAt(x, "entityCount") && knownAt(x, "processingTimeMs");
      break;
    }
    case "avgRequestsPerSecond":
      bp(bps, valueAt(x, "peakRequestsPerSecond") / 10, false, false);
      bp(bps, 0, false, true);
      continuous = budgetKnown;
      break;
    case "peakRequestsPerSecond":
      bp(bps, 0.01, true, true);
      bp(bps, valueAt(x, "avgRequestsPerSecond") * 10, true, false);
      continuous = budgetKnown;
      break;
    case "idleHoursPerDay":
      bp(bps, 12, true, true);
      continuous = budgetKnown;
      break;
    case "coldStartToleranceSeconds":
      bp(bps, e.rtColdStartS, true, false);
      break;
    case "payloadMB":
      bp(bps, PLATFORM_LIMITS.syncPayloadWarnMB, false, true);
      bp(bps, PLATFORM_LIMITS.syncPayloadMB, false, true);
      bp(bps, PLATFORM_LIMITS.asyncPayloadMB, false, true);
      break;
    case "processingTimeMs": {
      bp(bps, 10_000, true, true);
      bp(bps, PLATFORM_LIMITS.syncTimeoutMs, false, true);
      bp(bps, PLATFORM_LIMITS.asyncTimeoutMs, false, true);
      const l = valueAt(x, "latencyBudgetMs");
      bp(bps, l, true, false);
      bp(bps, l / ASSUMPTIONS.edgeSlowdown, true, false);
      continuous = budgetKnown;
      batchContinuous = knownAt(x, "entityCount") && knownAt(x, "maxStalenessSeconds");
      break;
    }
    case "modelSizeGB": {
      bp(bps, 0.2, false, true);
      bp(bps, PLATFORM_LIMITS.edgeModelGB, false, true);
      const gpu = valueAt(x, "needsGpu") === 1;
      const tol = valueAt(x, "coldStartToleranceSeconds");
      bp(bps, (tol - (gpu ? ASSUMPTIONS.coldStartBaseGpuS : ASSUMPTIONS.coldStartBaseCpuS)) / ASSUMPTIONS.coldStartPerGbS, false, false);
      continuous = budgetKnown;
      break;
    }
    case "entityCount":
      continuous = budgetKnown;
      batchContinuous = knownAt(x, "maxStalenessSeconds") && knownAt(x, "processingTimeMs");
      break;
    case "activeSharePercent":
      bp(bps, 10, true, true);
      bp(bps, 50, true, true);
      bp(bps, 80, true, true);
      break;
    case "monthlyBudgetUsd":
      // cost-vs-budget tiers: budget >= 4c (+), budget < c (-), budget < c/3 (--), for strategies that can win.
      for (let s = 0; s < STRATEGIES.length; s++) {
        if (st.blocked[s]) continue;
        const c = e.cost[s]!;
        if (!(c > 0) || c === Infinity) continue;
        bp(bps, 4 * c, true, false);
        bp(bps, c, true, false);
        bp(bps, c / 3, true, false);
      }
      break;
  }
  return { bps, costContinuous: continuous, batchContinuous };
}

function valueAt(x: Float64Array, f: AnswerField): number {
  return x[FIELD_INDEX[f]]!;
}
function knownAt(x: Float64Array, f: AnswerField): boolean {
  const v = x[FIELD_INDEX[f]]!;
  return v === v;
}

/**
 * True when no change of the cost-vs-budget points alone can change the recommendation from the
 * state last evaluated: the clamped score gap to every other feasible strategy exceeds the largest
 * possible swing of the cost factor (clamping is 1-Lipschitz, so gaps shrink by at most the swing).
 */
function costCannotFlip(st: EvalState, base: number): boolean {
  if (st.blocked[base]) return false;
  const sb = clampScore(st.raw[base]!);
  const down = st.costPts[base]! - COST_POINTS_MIN;
  for (let o = 0; o < STRATEGIES.length; o++) {
    if (o === base || st.blocked[o]) continue;
    const swing = down + (COST_POINTS_MAX - st.costPts[o]!);
    if (sb - clampScore(st.raw[o]!) <= swing) return false;
  }
  return true;
}

interface Window {
  up: boolean;
  v0: number;
  hi: number;
  floor: number;
  integer: boolean;
}

function pushCandidate(cands: Candidate[], w: Window, v: number, breakpoint: boolean): void {
  if (w.integer) v = w.up ? Math.ceil(v) : Math.floor(v);
  if (w.up ? v > w.v0 && v <= w.hi : v < w.v0 && v >= w.floor) cands.push({ v, breakpoint });
}

interface Candidate {
  v: number;
  breakpoint: boolean;
}

function searchDirection(st: EvalState, spec: FlipSpec, base: number, up: boolean, an: Analysis, baseSafe: boolean): { same: number; diff: number; to: number; exactAt: boolean } | null {
  const bps = an.bps;
  const continuous = an.costContinuous || an.batchContinuous;
  const i = FIELD_INDEX[spec.field];
  const v0 = st.x[i]!;
  const { lo, hi, loExclusive } = bounds(spec, st.x);
  const integer = NUMERIC_RANGES[spec.field].integer;
  const floor = loExclusive ? Math.max(spec.floor, lo) : lo;
  const cands: Candidate[] = [];
  const w: Window = { up, v0, hi, floor, integer };
  for (const b of bps) {
    if (up ? b.t * 1.005 <= v0 || b.t > hi : b.t * 0.995 >= v0 || b.t < floor) continue; // out of this direction
    if (up) {
      if (b.inclusiveUp && b.exact) pushCandidate(cands, w, b.t, true);
      else {
        const nice = niceBetween(b.t, b.t === 0 ? spec.floor : b.t * 1.005, integer)[0];
        if (nice !== undefined) pushCandidate(cands, w, nice, true);
      }
    } else if (!b.inclusiveUp && b.exact) pushCandidate(cands, w, b.t, true);
    else {
      const nice = niceBetween(b.t, b.t * 0.995, integer)[0];
      if (nice !== undefined) pushCandidate(cands, w, nice, true);
      else if (b.t === 0 || (b.inclusiveUp && b.exact && b.t <= floor)) continue;
    }
  }
  if (continuous) {
    if (spec.linear) {
      const step = (hi - lo) / 8;
      if (up) for (let v = v0 + step; v < hi; v += step) pushCandidate(cands, w, v, false);
      else for (let v = v0 - step; v > lo; v -= step) pushCandidate(cands, w, v, false);
      pushCandidate(cands, w, up ? hi : floor, false);
    } else if (up) {
      const start = v0 > 0 ? v0 : spec.floor;
      if (v0 <= 0) pushCandidate(cands, w, start, false);
      for (let k = 1; k <= DECADES; k++) {
        const v = start * 10 ** k;
        if (v >= hi) {
          pushCandidate(cands, w, hi, false);
          break;
        }
        pushCandidate(cands, w, v, false);
      }
    } else if (v0 > floor) {
      for (let k = 1; k <= DECADES; k++) {
        const v = v0 / 10 ** k;
        if (v <= floor) break;
        pushCandidate(cands, w, v, false);
      }
      pushCandidate(cands, w, floor, false);
    }
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => (up ? a.v - b.v : b.v - a.v) || (a.breakpoint === b.breakpoint ? 0 : a.breakpoint ? -1 : 1));
  let same = v0;
  // Grid points exist for continuous influences. Cost-only influences cannot flip the outcome in
  // an interval where costCannotFlip holds; the flag is re-checked at every breakpoint probed.
  let safe = !an.batchContinuous && baseSafe;
  for (const c of cands) {
    if (c.v === same) continue;
    if (!c.breakpoint && safe) continue;
    const r = probe(st, i, c.v);
    if (r === base) {
      same = c.v;
      if (c.breakpoint && !an.batchContinuous) safe = costCannotFlip(st, base);
      continue;
    }
    if (c.breakpoint) return { same, diff: c.v, to: r, exactAt: true };
    // A change between two grid points: bisect (log scale for positive geometric fields).
    let a = same;
    let b = c.v;
    let rb = r;
    for (let iter = 0; iter < 40; iter++) {
      const geometric = !spec.linear && a > 0 && b > 0;
      if (integer && Math.abs(b - a) <= 1) break;
      if (geometric) {
        if (Math.max(a, b) / Math.min(a, b) <= 1 + spec.tol) break;
      } else if (Math.abs(b - a) <= (spec.linear ? spec.tol : spec.floor)) break;
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
    return { same: a, diff: b, to: rb, exactAt: false };
  }
  return null;
}

export function computeFlips(x0: Float64Array, prices: PriceTable, base: number): FlipResult[] {
  const st = createState(Float64Array.from(x0), prices, null);
  evaluate(st); // baseline estimates and feasibility for the breakpoint analysis
  const baseSafe = costCannotFlip(st, base);
  const analyses = FLIP_SPECS.map((spec) => (st.x[FIELD_INDEX[spec.field]]! === st.x[FIELD_INDEX[spec.field]]! ? analyse(spec.field, st) : null));
  const out: FlipResult[] = [];
  for (let k = 0; k < FLIP_SPECS.length; k++) {
    const spec = FLIP_SPECS[k]!;
    const an = analyses[k];
    if (!an) continue;
    const i = FIELD_INDEX[spec.field];
    const v0 = st.x[i]!;
    if (an.bps.length === 0 && !an.costContinuous && !an.batchContinuous) continue;
    // The budget acts only through the cost factor: nothing to find when cost cannot flip the outcome.
    if (spec.field === "monthlyBudgetUsd" && baseSafe) continue;
    for (const up of [false, true]) {
      const found = searchDirection(st, spec, base, up, an, baseSafe);
      if (!found) continue;
      const integer = NUMERIC_RANGES[spec.field].integer;
      let value = found.diff;
      let to = found.to;
      if (!found.exactAt) {
        // Prefer a readable value: inside the bracket, else just beyond it; verify by re-scoring.
        const beyond = up ? found.diff * (1 + spec.tol) : found.diff * (1 - spec.tol);
        const nice = niceBetween(found.same, found.diff, integer).concat(niceBetween(found.diff, beyond, integer));
        nice.push(roundSig(found.diff, 4));
        for (const c of nice) {
          if (up ? c <= v0 : c >= v0) continue;
          const r = probe(st, i, c);
          if (r !== base) {
            value = c;
            to = r;
            break;
          }
        }
      }
      const from = STRATEGIES[base]!;
      const toId = STRATEGIES[to]!;
      const phrase = FIELD_PHRASES[spec.field];
      out.push({
        field: spec.field,
        label: phrase,
        direction: up ? "increase" : "decrease",
        current: v0,
        value,
        boundary: roundSig(found.same, 6),
        from,
        to: toId,
        message: `If the ${phrase} were ${up ? "raised" : "lowered"} to ${formatFieldValue(spec.field, value)} (now ${formatFieldValue(spec.field, v0)}), ${STRATEGY_LABELS[toId]} would be recommended instead of ${STRATEGY_LABELS[from]}.`,
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

export function unknownInfluence(x0: Float64Array, prices: PriceTable, base: number, unknown: readonly AnswerField[]): UnknownInfluence[] {
  const st = createState(Float64Array.from(x0), prices, null);
  const out: UnknownInfluence[] = [];
  for (const field of unknown) {
    const i = FIELD_INDEX[field];
    let values: readonly number[];
    if (field in REPRESENTATIVE) values = REPRESENTATIVE[field as NumericField];
    else if (BOOLEAN_FIELDS.has(field)) values = [0, 1];
    else values = Array.from({ length: ENUM_COUNTS[field] ?? 0 }, (_, k) => k);
    let changes = 0;
    const alt = new Set<number>();
    for (let v of values) {
      if (field === "avgRequestsPerSecond") {
        const peak = st.x[FIELD_INDEX.peakRequestsPerSecond]!;
        if (peak === peak) v = Math.min(v, peak);
      } else if (field === "peakRequestsPerSecond") {
        const avg = st.x[FIELD_INDEX.avgRequestsPerSecond]!;
        if (avg === avg) v = Math.max(v, avg);
      }
      const r = probe(st, i, v);
      if (r !== base) {
        changes++;
        alt.add(r);
      }
    }
    if (changes > 0)
      out.push({ field, probes: values.length, changes, alternatives: [...alt].sort((a, b) => a - b).map((s) => STRATEGIES[s]!) });
  }
  out.sort((a, b) => b.changes / b.probes - a.changes / a.probes);
  return out;
}
