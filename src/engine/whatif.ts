/**
 * "What if" analyses built on the fast scoring path:
 *  - flips: for each known numeric answer, the nearest value (searched up to three orders of
 *    magnitude either way, or across the whole range for bounded fields) at which the
 *    recommendation changes — bracketed on a grid, narrowed by bisection, rounded to a
 *    readable value and re-scored to verify it;
 *  - unknown influence: for each unknown answer, which representative answers would change
 *    the recommendation.
 */
import { NUMERIC_RANGES, type AnswerField, type NumericField } from "./answers";
import { FIELD_PHRASES } from "./fields";
import { formatDurationMs, formatDurationSeconds, formatMegabytes, formatNumber, formatUsd } from "./format";
import { CRITICALITIES, CONSUMERS, DELIVERY_MODES, FEATURE_FRESHNESS, INPUT_SOURCES } from "./answers";
import { createState, evaluate, FIELD_INDEX, type EvalState } from "./score";
import { STRATEGIES, STRATEGY_LABELS, type StrategyId } from "./strategies";
import type { PriceTable } from "./prices";

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
    case "processingTimeMs":
      return formatDurationMs(v);
    case "maxStalenessSeconds":
    case "coldStartToleranceSeconds":
      return formatDurationSeconds(v);
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

/** Most readable number strictly beyond `same` (towards `diff`), no further than `diff`. */
function niceBetween(same: number, diff: number, integer: boolean): number[] {
  const out: number[] = [];
  const up = diff > same;
  const span = Math.abs(diff);
  const mag = span > 0 ? Math.floor(Math.log10(span)) : 0;
  for (let d = 0; d <= 6; d++) {
    let step = 10 ** (mag - d);
    if (integer && step < 1) step = 1;
    const k = up ? Math.floor(same / step) + 1 : Math.ceil(same / step) - 1;
    const c = Number((k * step).toPrecision(12));
    if (up ? c > same && c <= diff : c < same && c >= diff) {
      out.push(c);
      if (out.length >= 2) break;
    }
    if (integer && step === 1) break;
  }
  return out;
}

function searchDirection(st: EvalState, spec: FlipSpec, base: number, up: boolean): { same: number; diff: number; to: number } | null {
  const i = FIELD_INDEX[spec.field];
  const v0 = st.x[i]!;
  const { lo, hi, loExclusive } = bounds(spec, st.x);
  const integer = NUMERIC_RANGES[spec.field].integer;
  const grid: number[] = [];
  if (spec.linear) {
    const step = (hi - lo) / 8;
    if (up) for (let v = v0 + step; v < hi; v += step) grid.push(v);
    else for (let v = v0 - step; v > lo; v -= step) grid.push(v);
    grid.push(up ? hi : lo);
  } else if (up) {
    const start = v0 > 0 ? v0 : spec.floor;
    if (v0 <= 0 && start <= hi) grid.push(start);
    for (let k = 1; k <= DECADES; k++) {
      const v = start * 10 ** k;
      if (v >= hi) {
        grid.push(hi);
        break;
      }
      grid.push(v);
    }
  } else {
    if (v0 <= lo) return null;
    for (let k = 1; k <= DECADES; k++) {
      const v = v0 / 10 ** k;
      if (v <= Math.max(lo, spec.floor)) break;
      grid.push(v);
    }
    const bottom = loExclusive ? Math.max(spec.floor, lo) : lo;
    if (bottom < v0) grid.push(bottom);
  }
  let same = v0;
  for (const g0 of grid) {
    const g = integer ? (up ? Math.ceil(g0) : Math.floor(g0)) : g0;
    if (up ? g <= same : g >= same) continue;
    if (up ? g > hi : g < lo) break;
    const r = probe(st, i, g);
    if (r !== base) {
      // bisection between same (base) and g (changed)
      let a = same;
      let b = g;
      let rb = r;
      for (let iter = 0; iter < 30; iter++) {
        if (integer) {
          if (Math.abs(b - a) <= 1) break;
        } else if (spec.linear || a <= 0 || b <= 0) {
          if (Math.abs(b - a) <= spec.tol) break;
        } else if (Math.max(a, b) / Math.min(a, b) <= 1 + spec.tol) break;
        let m = spec.linear || a <= 0 || b <= 0 ? (a + b) / 2 : Math.sqrt(a * b);
        if (integer) m = Math.round(m);
        if (m === a || m === b) break;
        const rm = probe(st, i, m);
        if (rm === base) a = m;
        else {
          b = m;
          rb = rm;
        }
      }
      return { same: a, diff: b, to: rb };
    }
    same = g;
  }
  return null;
}

export function computeFlips(x0: Float64Array, prices: PriceTable, base: number): FlipResult[] {
  const st = createState(Float64Array.from(x0), prices, null);
  const out: FlipResult[] = [];
  for (const spec of FLIP_SPECS) {
    const i = FIELD_INDEX[spec.field];
    const v0 = st.x[i]!;
    if (v0 !== v0) continue;
    for (const up of [false, true]) {
      const found = searchDirection(st, spec, base, up);
      if (!found) continue;
      const integer = NUMERIC_RANGES[spec.field].integer;
      // Prefer a readable value inside the bracket; verify by re-scoring. Fall back to the bracket end.
      let value = NaN;
      let to = -1;
      for (const c of niceBetween(found.same, found.diff, integer)) {
        const r = probe(st, i, c);
        if (r !== base) {
          value = c;
          to = r;
          break;
        }
      }
      if (to === -1) {
        value = found.diff;
        to = probe(st, i, value);
        if (to === base) continue; // not reproducible: never report an unverified flip
      }
      const from = STRATEGIES[base]!;
      const toId = STRATEGIES[to]!;
      const phrase = FIELD_PHRASES[spec.field];
      const boundary = Number(found.same.toPrecision(6));
      out.push({
        field: spec.field,
        label: phrase,
        direction: up ? "increase" : "decrease",
        current: v0,
        value,
        boundary,
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
