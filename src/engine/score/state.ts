/**
 * What one evaluation works on: the strategy indices, the point weight, the evaluation state
 * (encoded answers, per-strategy sums, the estimates' figures) and the recorder that the
 * explained path adds, with the helpers every rule uses to add points, block a strategy or record
 * a constraint.
 */
import type { AnswerField } from "../answers";
import { ASSUMPTIONS, LIMITS, type LimitId } from "../limits";
import type { PriceTable } from "../prices";
import type { ReplicaSizing } from "../queueing";
import type { FeasibilityKept } from "./feasibility";
import { STRATEGIES, type StrategyId } from "../strategies";

/**
 * Strategy indices (STRATEGIES order): batch, realtime, async, streaming, hybrid, edge. Like
 * ANSWER_INDEX, the hot modules destructure this into module-local constants.
 */
export const STRATEGY_INDEX = { B: 0, R: 1, A: 2, S: 3, H: 4, E: 5, N_STRATEGIES: 6 } as const;
const { N_STRATEGIES } = STRATEGY_INDEX;

/** Raw points for [batch, realtime, async, streaming, hybrid, edge]. */
export type Pts = readonly [number, number, number, number, number, number];

export const BASE_SCORE = 50;

/**
 * Factor tables are written in whole "raw points"; every raw point is worth POINT_WEIGHT score
 * points, which keeps typical totals inside the 0-100 scale. Multiples of 0.5 are exact in
 * binary floating point, so contributions always add up to the score exactly.
 */
export const POINT_WEIGHT = 0.5;

/** Most score points a strategy loses for costing far more than the cheapest feasible one (2.0.0). */
export const COST_VS_CHEAPEST_MAX = 25;
/** Most score points a strategy loses for crossing the budget (a soft constraint). */
export const COST_OVER_BUDGET_MAX = 15;
/** Range of score points the cost factors can give one strategy (2.0.0: no bonus, see docs/engine.md §5). */
export const COST_POINTS_MIN = -(COST_VS_CHEAPEST_MAX + COST_OVER_BUDGET_MAX);
export const COST_POINTS_MAX = 0;

export type ConstraintLevel = "hard" | "soft" | "advisory";

export interface RecordedContribution {
  factor: string;
  label: string;
  points: number;
  reason: string;
}

/** A sourced table entry as an assessment carries it. */
export interface SourceRef {
  id: string;
  value: number;
  unit: string;
  vendor: string;
  url: string;
  checked: string;
  kind: "documented" | "heuristic";
}

export function sourceRef(id: LimitId): SourceRef {
  const l = LIMITS[id];
  return { id, value: l.value, unit: l.unit, vendor: l.vendor, url: l.url, checked: l.checked, kind: l.kind };
}

export interface RecordedConstraint {
  id: string;
  level: ConstraintLevel;
  strategies: StrategyId[];
  fields: AnswerField[];
  message: string;
  source: string | null;
  sources: SourceRef[];
}

/** A nearer answer that would clear a blocking rule (encoded: number, 0/1, option index). */
export interface FixHint {
  field: AnswerField;
  value: number;
}

export interface RecordedBlock {
  rule: string;
  message: string;
  fields: AnswerField[];
  sources: SourceRef[];
  fixes: FixHint[];
}

export interface NearThreshold {
  field: AnswerField;
  value: number;
  threshold: number;
  rule: string;
}

export class Recorder {
  readonly contributions: RecordedContribution[][] = [[], [], [], [], [], []];
  readonly blockedBy: RecordedBlock[][] = [[], [], [], [], [], []];
  readonly constraints: RecordedConstraint[] = [];
  readonly near: NearThreshold[] = [];
  /** Per real-time serving variant [always-on, scale-to-zero, dedicated]: the limits it crosses (2.0.0). */
  readonly variantCrossings: { rule: string; message: string; sources: SourceRef[] }[][] = [[], [], []];

  contribute(factor: string, label: string, pts: Pts, reason: string): void {
    for (let s = 0; s < N_STRATEGIES; s++) {
      const p = pts[s]! * POINT_WEIGHT;
      if (p !== 0) this.contributions[s]!.push({ factor, label, points: p, reason });
    }
  }

  nearCheck(field: AnswerField, value: number, thresholds: readonly number[], rule: string): void {
    for (const t of thresholds) {
      if (t > 0 && Math.abs(value - t) <= ASSUMPTIONS.nearThresholdRatio * t) {
        this.near.push({ field, value, threshold: t, rule });
        return;
      }
    }
  }
}

/** The estimates' figures, computed by estimates.ts on every evaluation (NaN = not computable from the answers). */
export class Estimates {
  // realtime
  rtLambda = NaN;
  rtServiceS = NaN;
  rtWaitBudgetS = NaN;
  rtSizingPeak: ReplicaSizing | null = null;
  rtReplicas = NaN;
  rtReplicasAvg = NaN;
  rtMinReplicas = 1;
  rtColdStartS = NaN;
  rtScaleToZeroAllowed = false;
  rtCostAlwaysOn = NaN;
  rtCostScaleToZero = NaN;
  rtScaleToZeroMethod: "serverless-gb-seconds" | "replica-hours-while-active" | null = null;
  rtP99Ms = NaN;
  /** 2.0.0 capacity model: request slots per replica, batching, units (GPUs or CPU instances) per replica. */
  rtSlotsPerReplica = 1;
  rtBatching: 0 | 1 | 2 = 0; // none, dynamic, continuous
  rtBatchSize = 1;
  rtBatchServiceS = NaN;
  rtBatchAddedMs = 0;
  rtNPlusOne = false;
  unitsPerReplica = 1;
  modelMemoryGB = 0;
  fitsReplica = true;
  /** Serving variants [always-on, scale-to-zero, dedicated]: 0 = feasible, else blocked (set by feasibility). */
  readonly rtVariantBlocked: number[] = [0, 0, 0];
  rtCostDedicated = NaN;
  rtServing: 0 | 1 | 2 = 0; // 0 always-on, 1 scale-to-zero, 2 dedicated
  // batch
  bWorkSeconds = NaN;
  bWorkers = NaN;
  bDurationS = NaN;
  bCadenceS = NaN;
  bCadenceKnown = false;
  bWorstStalenessS = NaN;
  bWastedPerRun = NaN;
  bRunsPerMonth = NaN;
  bCost = NaN;
  /** The scheduled run and the per-item job cross a limit (set by feasibility). */
  bSchedBlocked = false;
  bItemBlocked = false;
  /** 0 scheduled run, 1 per-item triggered job (set by feasibility). */
  bVariant: 0 | 1 = 0;
  bEntitiesScored = NaN;
  bItemsPerMonth = NaN;
  bPerItemCost = NaN;
  bScheduledCost = NaN;
  // async
  aWorkersAvg = NaN;
  aWorkersPeak = NaN;
  aMessagesPerMonth = NaN;
  aP99Ms = NaN;
  aCost = NaN;
  // streaming
  sConsumers = NaN;
  sShards = NaN;
  sThroughputMBps = NaN;
  sP99Ms = NaN;
  sCost = NaN;
  // hybrid
  hHitRate = NaN;
  hLambda = NaN;
  hSizing: ReplicaSizing | null = null;
  hReplicas = NaN;
  hLiveCost = NaN;
  hBatchCost = NaN;
  hLookupCost = NaN;
  hP99Ms = NaN;
  hCost = NaN;
  // edge
  eP99Ms = NaN;
  eCost = NaN;
  // per strategy
  readonly cost: number[] = [0, 0, 0, 0, 0, 0];
  /** Cheapest finite cost among feasible server-side strategies (NaN: none). */
  cheapestCost = NaN;
  readonly p99Ms: number[] = [0, 0, 0, 0, 0, 0];
  readonly movingParts: string[][] = [[], [], [], [], [], []];
}

export interface EvalState {
  readonly x: number[];
  readonly prices: PriceTable;
  readonly raw: number[]; // unclamped score (base + contributions)
  readonly blocked: number[];
  /** Weighted points the cost-vs-budget factor gave each strategy (0 when it did not apply). */
  readonly costPts: number[];
  /** Sums of the sections outside the current probe's (see fixSections). */
  readonly fixedRaw: number[];
  readonly fixedBlocked: number[];
  readonly fixedCostPts: number[];
  /** Answer index whose complement the fixed sums hold (-1: none). */
  fixedFor: number;
  /** Each section's own points and blocks for the answers `x` (see fixSections; fast path only). */
  sectionSums: {
    readonly x: number[];
    readonly raw: number[];
    readonly blocked: number[];
    /** The feasibility stage's blocks for the answers `x` (see reuseFeasibility). */
    readonly feasibility: FeasibilityKept;
  } | null;
  est: Estimates;
  rec: Recorder | null;
}

export function createState(x: number[], prices: PriceTable, rec: Recorder | null): EvalState {
  return {
    x,
    prices,
    raw: [0, 0, 0, 0, 0, 0],
    blocked: [0, 0, 0, 0, 0, 0],
    costPts: [0, 0, 0, 0, 0, 0],
    fixedRaw: [0, 0, 0, 0, 0, 0],
    fixedBlocked: [0, 0, 0, 0, 0, 0],
    fixedCostPts: [0, 0, 0, 0, 0, 0],
    fixedFor: -1,
    sectionSums: null,
    est: new Estimates(),
    rec,
  };
}

// Messages and reasons are `null` on the fast path (no recorder): they are built only when explaining.

export function add(st: EvalState, factor: string, label: string, pts: Pts, reason: string | null): void {
  const r = st.raw;
  r[0] = r[0]! + pts[0] * POINT_WEIGHT;
  r[1] = r[1]! + pts[1] * POINT_WEIGHT;
  r[2] = r[2]! + pts[2] * POINT_WEIGHT;
  r[3] = r[3]! + pts[3] * POINT_WEIGHT;
  r[4] = r[4]! + pts[4] * POINT_WEIGHT;
  r[5] = r[5]! + pts[5] * POINT_WEIGHT;
  if (st.rec && reason !== null) st.rec.contribute(factor, label, pts, reason);
}

export function addOne(st: EvalState, s: number, factor: string, label: string, rawPoints: number, reason: string | null): void {
  const points = rawPoints * POINT_WEIGHT;
  if (factor === "cost-vs-cheapest" || factor === "cost-over-budget") st.costPts[s] = st.costPts[s]! + points;
  st.raw[s] = st.raw[s]! + points;
  if (st.rec && reason !== null && points !== 0) st.rec.contributions[s]!.push({ factor, label, points, reason });
}

const NO_SOURCES: readonly LimitId[] = [];
const NO_FIXES: readonly FixHint[] = [];

/**
 * Rule a strategy out. `sources`: the table entries the rule applies; `fixes`: the nearest answers
 * that would clear it (explained path only: they seed noFeasibleStrategy's smallest change).
 */
export function block(
  st: EvalState,
  strategies: readonly number[],
  rule: string,
  fields: readonly AnswerField[],
  message: string | null,
  sources: readonly LimitId[] = NO_SOURCES,
  fixes: readonly FixHint[] = NO_FIXES,
): void {
  for (const s of strategies) st.blocked[s] = 1;
  if (st.rec && message !== null) {
    const refs = sources.map(sourceRef);
    for (const s of strategies) st.rec.blockedBy[s]!.push({ rule, message, fields: fields.slice(), sources: refs, fixes: fixes.slice() });
    st.rec.constraints.push({ id: rule, level: "hard", strategies: strategies.map((s) => STRATEGIES[s]!), fields: fields.slice(), message, source: null, sources: refs });
  }
}

export function soft(st: EvalState, rule: string, label: string, pts: Pts, fields: readonly AnswerField[], message: string | null, source: string | null): void {
  add(st, rule, label, pts, message);
  if (st.rec && message !== null) {
    const affected: StrategyId[] = [];
    for (let s = 0; s < N_STRATEGIES; s++) if (pts[s] !== 0) affected.push(STRATEGIES[s]!);
    st.rec.constraints.push({ id: rule, level: "soft", strategies: affected, fields: fields.slice(), message, source, sources: [] });
  }
}

export function advisory(
  st: EvalState,
  rule: string,
  strategies: readonly number[],
  fields: readonly AnswerField[],
  message: string,
  source: string | null,
  sources: readonly LimitId[] = NO_SOURCES,
): void {
  st.rec?.constraints.push({ id: rule, level: "advisory", strategies: strategies.map((s) => STRATEGIES[s]!), fields: fields.slice(), message, source, sources: sources.map(sourceRef) });
}

export function clampScore(v: number): number {
  return v < 0 ? 0 : v > 100 ? 100 : v;
}
