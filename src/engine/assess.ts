import { ANSWER_FIELDS, CONSUMERS, CRITICALITIES, DELIVERY_MODES, FEATURE_FRESHNESS, INPUT_SOURCES, NUMERIC_RANGES, type AnswerField, type Answers } from "./answers";
import type {
  Assessment,
  AssessmentWarning,
  Confidence,
  Constraint,
  Estimates as EstimatesOut,
  Flip,
  NoFeasibleStrategy,
  RankingEntry,
  ServingVariant,
  Tradeoff,
} from "./assessment-schema";
import { formatDurationMs, formatNumber, formatUsd, roundSig, roundTo } from "./format";
import { ASSUMPTIONS, LIMITS, PLATFORM_LIMITS } from "./limits";
import { resolvePrices, type PriceTable } from "./prices";
import {
  BASE_SCORE,
  clampScore,
  complexityLevel,
  createState,
  encodeAnswers,
  evaluate,
  evaluateBlocks,
  FIELD_INDEX,
  Recorder,
  type EvalState,
} from "./score";
import { NO_FEASIBLE_LABEL, STRATEGIES, STRATEGY_LABELS, type StrategyId } from "./strategies";
import { ENGINE_VERSION } from "./version";
import { fieldSubject, formatFieldQuantity } from "./answer-text";
import { buildConfidence } from "./confidence";
import { findContradictions } from "./contradictions";
import { computeFlips, unknownInfluence } from "./whatif";

export interface AssessOptions {
  /** Override some or all unit prices (see DEFAULT_PRICES). */
  prices?: Partial<PriceTable>;
  /** Compute flips (default true). `false` is the fast path for bulk re-scoring. */
  flips?: boolean;
}

/** Confidence lost when the recommended strategy's cost cannot be estimated (2.0.0). */
const UNKNOWN_COST_PENALTY = 0.1;
const STRATEGY_INDEX_EDGE = STRATEGIES.indexOf("edge");
const SERVING = ["always-on", "scale-to-zero", "dedicated"] as const;

/** A number for JSON: NaN/Infinity -> null, rounded to `sig` significant digits. */
function n(v: number, sig = 6): number | null {
  return Number.isFinite(v) ? roundSig(v, sig) : null;
}
function usd(v: number): number | null {
  return Number.isFinite(v) ? roundTo(v, 2) : null;
}
function ans(v: number): number | null {
  return v === v ? v : null;
}

/**
 * Assess a validated set of answers. Deterministic: the same answers, options and
 * ENGINE_VERSION always produce the same object (and byte-identical JSON).
 */
export function assess(answers: Answers, options: AssessOptions = {}): Assessment {
  const prices = resolvePrices(options.prices);
  const withFlips = options.flips !== false;
  const x = encodeAnswers(answers);
  const rec = new Recorder();
  const st = createState(x, prices, rec);
  const best = evaluate(st);
  const recommended: StrategyId | null = best === -1 ? null : STRATEGIES[best]!;

  const ranking = buildRanking(st, rec);
  const unknownFields: AnswerField[] = [];
  for (let i = 0; i < ANSWER_FIELDS.length; i++) if (x[i] !== x[i]) unknownFields.push(ANSWER_FIELDS[i]!); // NaN = null
  // What-if analyses (flips, influence of unknown answers) are skipped on the fast path.
  const probes = withFlips ? createState(x.slice(), prices, null) : null;
  const influence = probes && best !== -1 ? unknownInfluence(probes, best, unknownFields) : [];
  // Flips include the changes into and out of "nothing is feasible" (`from` / `to` null).
  const flips: Flip[] = probes ? computeFlips(probes, best, st) : [];
  const warnings = buildWarnings(answers, x, influence);
  buildEngineWarnings(st, best, warnings);
  // 2.0.0: a recommendation whose cost cannot be estimated is less certain (edge has no server cost).
  const costUnknown = best !== -1 && best !== STRATEGY_INDEX_EDGE && !Number.isFinite(st.est.cost[best]!);
  const confidence = buildConfidence({ ranking, near: rec.near, unknownFields, warnings, costs: st.est.cost, costUnknown, costPenalty: UNKNOWN_COST_PENALTY });
  const estimates = buildEstimates(st);
  const tradeoffs = buildTradeoffs(st);
  const constraints: Constraint[] = [];
  for (const c of rec.constraints)
    constraints.push({ id: c.id, level: c.level, strategies: c.strategies, fields: c.fields, message: c.message, source: c.source, sources: c.sources });
  const serving = recommended === "realtime" ? SERVING[st.est.rtServing] : null;

  return {
    engineVersion: ENGINE_VERSION,
    recommended,
    recommendedLabel: recommended === null ? NO_FEASIBLE_LABEL : STRATEGY_LABELS[recommended],
    noFeasibleStrategy: best === -1 ? explainNoFeasible(x, prices, rec, withFlips) : null,
    serving,
    summary: best === -1 ? buildNoFeasibleSummary(ranking) : buildSummary(ranking, confidence),
    ranking,
    constraints,
    confidence,
    estimates,
    tradeoffs,
    flips,
    flipsComputed: withFlips,
    warnings,
    unknownFields,
    prices,
  };
}

/** The recommended strategy only (null: none is feasible): the fastest path (no explanations, no flips). */
export function recommend(answers: Answers, options: { prices?: Partial<PriceTable> } = {}): StrategyId | null {
  const st = createState(encodeAnswers(answers), resolvePrices(options.prices), null);
  const best = evaluate(st);
  return best === -1 ? null : STRATEGIES[best]!;
}

const BASE_REASON = `Every strategy starts at ${BASE_SCORE}.`;

function buildRanking(st: EvalState, rec: Recorder): RankingEntry[] {
  // Order: feasible first, then by score (descending), ties in STRATEGIES order.
  const order = [0, 1, 2, 3, 4, 5];
  for (let k = 1; k < order.length; k++) {
    const s = order[k]!;
    const fs = st.blocked[s] === 0;
    const ss = clampScore(st.raw[s]!);
    let j = k - 1;
    for (; j >= 0; j--) {
      const o = order[j]!;
      const fo = st.blocked[o] === 0;
      const so = clampScore(st.raw[o]!);
      const before = fs !== fo ? fs : ss !== so ? ss > so : s < o;
      if (!before) break;
      order[j + 1] = o;
    }
    order[j + 1] = s;
  }
  const out: RankingEntry[] = [];
  for (let k = 0; k < order.length; k++) {
    const s = order[k]!;
    const id = STRATEGIES[s]!;
    const raw = st.raw[s]!;
    const score = clampScore(raw);
    const recorded = rec.contributions[s]!;
    const contributions: RankingEntry["contributions"] = [{ factor: "base", label: "Starting score", points: BASE_SCORE, reason: BASE_REASON }];
    for (let c = 0; c < recorded.length; c++) contributions.push(recorded[c]!);
    if (score !== raw)
      contributions.push({
        factor: "clamp",
        label: "Clamp to 0-100",
        points: score - raw,
        reason: `The factors add up to ${formatNumber(raw)}; scores are clamped to the 0-100 scale.`,
      });
    const blockedBy: RankingEntry["blockedBy"] = [];
    for (const b of rec.blockedBy[s]!) blockedBy.push({ rule: b.rule, message: b.message, fields: b.fields, sources: b.sources });
    out.push({ strategy: id, label: STRATEGY_LABELS[id], rank: k + 1, score, feasible: st.blocked[s] === 0, blockedBy, contributions });
  }
  return out;
}

function buildSummary(ranking: RankingEntry[], confidence: Confidence): string {
  const top = ranking[0]!;
  let second: RankingEntry | undefined;
  for (let k = 1; k < ranking.length; k++)
    if (ranking[k]!.feasible) {
      second = ranking[k];
      break;
    }
  // The two largest positive contributions of the winner (the earlier one on ties).
  const cs = top.contributions;
  let first = -1;
  let next = -1;
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k]!;
    if (!(c.points > 0) || c.factor === "base") continue;
    if (first === -1 || c.points > cs[first]!.points) {
      next = first;
      first = k;
    } else if (next === -1 || c.points > cs[next]!.points) next = k;
  }
  let s = `${top.label} is recommended (score ${top.score}/100, confidence ${Math.round(confidence.value * 100)}%)`;
  if (first !== -1) s += `, driven mostly by ${cs[first]!.label.toLowerCase()}${next !== -1 ? ` and ${cs[next]!.label.toLowerCase()}` : ""}`;
  s += ".";
  if (second) s += ` Runner-up: ${second.label} (${second.score}).`;
  let blocked = "";
  for (const r of ranking) if (!r.feasible) blocked += (blocked === "" ? "" : ", ") + r.label;
  if (blocked !== "") s += ` Ruled out: ${blocked}.`;
  return s;
}

function buildWarnings(a: Answers, x: readonly number[], influence: ReturnType<typeof unknownInfluence>): AssessmentWarning[] {
  const out: AssessmentWarning[] = [];
  for (const inf of influence) {
    let alts = "";
    for (const s of inf.alternatives) alts += (alts === "" ? "" : " or ") + STRATEGY_LABELS[s];
    out.push({
      code: "influential-unknown",
      kind: "unknown",
      fields: [inf.field],
      alternatives: inf.alternatives,
      message: `${fieldSubject(inf.field)} is unknown, and ${inf.changes} of the ${inf.probes} plausible answers we tried would change the recommendation (to ${alts}). Answering it matters.`,
    });
  }
  out.push(...findContradictions(a));
  if (a.consumer === "event-pipeline" && a.deliveryMode === "response")
    out.push({
      code: "pipeline-response",
      kind: "notice",
      fields: ["consumer", "deliveryMode"],
      alternatives: [],
      message: "An event pipeline consumes the predictions but results are returned as responses; pipelines usually read from a table or topic.",
    });
  const x0 = x[FIELD_INDEX.processingTimeMs]!;
  if (x0 === x0 && x0 > PLATFORM_LIMITS.syncTimeoutMs && a.consumer === "user-request")
    out.push({
      code: "slow-model-user-wait",
      kind: "notice",
      fields: ["processingTimeMs", "consumer"],
      alternatives: [],
      message: `A person waits on each request, but one prediction takes ${formatDurationMs(x0)}: show progress and deliver the result asynchronously.`,
    });
  return out;
}

/** Warnings the engine's own figures raise (2.0.0): nothing feasible, implausible costs, quotas. */
function buildEngineWarnings(st: EvalState, best: number, out: AssessmentWarning[]): void {
  const e = st.est;
  if (best === -1)
    out.push({
      code: "nothing-feasible",
      kind: "notice",
      fields: [],
      alternatives: [],
      message: "No strategy is feasible for these answers: every one crosses a documented limit or a stated requirement. See, per strategy, the smallest change to the answers that would make it feasible.",
    });
  const absurd = LIMITS.absurdCostUsd.value;
  for (let s = 0; s < STRATEGIES.length; s++) {
    const c = e.cost[s]!;
    if (Number.isFinite(c) && c > absurd && st.blocked[s] === 0)
      out.push({
        code: "implausible-cost",
        kind: "notice",
        fields: ["peakRequestsPerSecond", "avgRequestsPerSecond", "processingTimeMs", "entityCount", "modelSizeGB"],
        alternatives: [STRATEGIES[s]!],
        message: `${STRATEGY_LABELS[STRATEGIES[s]!]} is estimated at ~${formatUsd(c)} a month, above the ${formatUsd(absurd)} at which an estimate is implausible for one use case: check the traffic, processing time, entity count and model size answers.`,
      });
  }
  if (st.blocked[0] === 0 && e.bVariant === 0 && e.bWorkers > ASSUMPTIONS.batchMaxWorkers)
    out.push({
      code: "batch-worker-quota",
      kind: "notice",
      fields: ["entityCount", "processingTimeMs", "maxStalenessSeconds"],
      alternatives: ["batch"],
      message: batchQuotaMessage(e.bWorkers),
    });
}

function batchQuotaMessage(workers: number): string {
  return `A run needs ${formatNumber(workers)} parallel workers to finish in its window, above the ~${ASSUMPTIONS.batchMaxWorkers} instances a default account quota allows: request a quota increase (or accept longer runs).`;
}

/** The summary when nothing is feasible. */
function buildNoFeasibleSummary(ranking: RankingEntry[]): string {
  let rules = "";
  for (const r of ranking) rules += `${rules === "" ? "" : "; "}${r.label}: ${r.blockedBy.map((b) => b.rule).join(", ")}`;
  return `No strategy is feasible for these answers (${rules}). Change the answers named below, or reconsider the requirements.`;
}

/** Encoded answer -> the answer as stored (for the explanation's "current" and "value"). */
function decodeAnswer(field: AnswerField, v: number): number | string | boolean | null {
  if (v !== v) return null;
  switch (field) {
    case "consumer":
      return CONSUMERS[v] ?? null;
    case "featureFreshness":
      return FEATURE_FRESHNESS[v] ?? null;
    case "inputSource":
      return INPUT_SOURCES[v] ?? null;
    case "deliveryMode":
      return DELIVERY_MODES[v] ?? null;
    case "criticality":
      return CRITICALITIES[v] ?? null;
    case "inputsEnumerable":
    case "needsGpu":
    case "offlineOrOnDevice":
    case "fallbackAcceptable":
      return v === 1;
    default:
      return v;
  }
}

/** Relative size of a change (booleans and options count as 1). */
function changeSize(field: AnswerField, from: number, to: number): number {
  if (!(field in NUMERIC_RANGES)) return 1;
  if (from !== from) return 1;
  if (from === 0) return to === 0 ? 0 : 1;
  return Math.abs(Math.log(Math.max(to, 1e-9) / from));
}

/** A fix hint clamped to the answer's valid range (integers rounded up). */
function clampHint(field: AnswerField, v: number): number {
  const r = (NUMERIC_RANGES as Record<string, { min: number; minExclusive: boolean; max: number; integer: boolean }>)[field];
  if (!r) return v;
  let out = Math.min(r.max, Math.max(v, r.minExclusive ? r.min + 1e-6 : r.min));
  if (r.integer) out = Math.ceil(out);
  return roundSig(out, 6);
}

function changeMessage(field: AnswerField, from: number, to: number): string {
  const now = from !== from ? "unknown" : formatFieldQuantity(field, from);
  return `set ${fieldSubject(field, false)} to ${formatFieldQuantity(field, to)} (now ${now}).`;
}

/**
 * Nothing feasible (2.0.0): per strategy, its blocking rules and the smallest change to the
 * answers that makes it feasible, each candidate checked by re-scoring: the single-answer change of
 * least relative size, else every blocking rule's fix together (one value per answer).
 */
function explainNoFeasible(x: readonly number[], prices: PriceTable, rec: Recorder, search: boolean): NoFeasibleStrategy {
  type Change = { field: AnswerField; i: number; v: number };
  // Every strategy's fix hints, each re-scored once (hints are shared between strategies).
  const hints: Change[][] = [];
  const unique: Change[] = [];
  for (let s = 0; s < STRATEGIES.length; s++) {
    const list: Change[] = [];
    if (search)
      for (const b of rec.blockedBy[s]!)
        for (const h of b.fixes) {
          const i = FIELD_INDEX[h.field];
          const v = clampHint(h.field, h.value);
          if (v === x[i] || list.some((o) => o.i === i && o.v === v)) continue;
          let u = unique.find((o) => o.i === i && o.v === v);
          if (!u) unique.push((u = { field: h.field, i, v }));
          list.push(u);
        }
    hints.push(list);
  }
  const probe = createState(x.slice(), prices, null);
  const blockedWith = (changes: readonly Change[]): number[] => {
    for (let k = 0; k < x.length; k++) probe.x[k] = x[k]!;
    for (const c of changes) probe.x[c.i] = c.v;
    evaluateBlocks(probe); // only the blocks are read
    return probe.blocked.slice();
  };
  const outcome = new Map<Change, number[]>();
  for (const u of unique) outcome.set(u, blockedWith([u]));
  const strategies: NoFeasibleStrategy["strategies"] = [];
  for (let s = 0; s < STRATEGIES.length; s++) {
    const id = STRATEGIES[s]!;
    const list = hints[s]!;
    let best: Change | null = null;
    let bestSize = Infinity;
    for (const h of list) {
      const size = changeSize(h.field, x[h.i]!, h.v);
      if (size < bestSize && outcome.get(h)![s] === 0) {
        best = h;
        bestSize = size;
      }
    }
    let changes: Change[] = best ? [best] : [];
    if (!best && list.length > 1) {
      // Every blocking rule's fix together, one value per answer (the rules' own order).
      const together: Change[] = [];
      for (const h of list) if (!together.some((o) => o.i === h.i)) together.push(h);
      if (blockedWith(together)[s] === 0) changes = together;
    }
    strategies.push({
      strategy: id,
      label: STRATEGY_LABELS[id],
      blockedBy: rec.blockedBy[s]!.map((b) => ({ rule: b.rule, message: b.message, sources: b.sources })),
      smallestChange: changes.map((c) => ({
        field: c.field,
        current: decodeAnswer(c.field, x[c.i]!),
        value: decodeAnswer(c.field, c.v) as number | string | boolean,
        message: changeMessage(c.field, x[c.i]!, c.v),
      })),
    });
  }
  return {
    message:
      "Every strategy crosses a documented limit or a stated requirement, so the engine recommends none. Each entry names the rules that block it, with their sources, and the smallest change to the answers that would make it feasible.",
    strategies,
    changesComputed: search,
  };
}

const BATCHING = ["none", "dynamic", "continuous"] as const;

/** Each real-time serving variant: feasible or the limits it crosses, and its cost. */
function servingVariants(st: EvalState, rec: Recorder): ServingVariant[] {
  const e = st.est;
  const costs = [e.rtCostAlwaysOn, e.rtCostScaleToZero, e.rtCostDedicated];
  const out: ServingVariant[] = [];
  for (let v = 0; v < 3; v++)
    out.push({ variant: SERVING[v]!, feasible: e.rtVariantBlocked[v] === 0, blockedBy: rec.variantCrossings[v]!.map((c) => ({ ...c })), monthlyCostUsd: usd(costs[v]!) });
  return out;
}

/** Answer `f` of the encoded answers, null when unknown (a module function: no closure per assessment). */
function answerAt(x: readonly number[], f: AnswerField): number | null {
  return ans(x[FIELD_INDEX[f]]!);
}

function buildEstimates(st: EvalState): EstimatesOut {
  const e = st.est;
  const rec = st.rec!;
  const x = st.x;
  const p = st.prices;
  const gpu = x[FIELD_INDEX.needsGpu] === 1;
  const replicaHour = (gpu ? p.gpuReplicaHourUsd : p.cpuReplicaHourUsd) * e.unitsPerReplica;

  const sp = e.rtSizingPeak;
  const realtime: EstimatesOut["realtime"] = st.blocked[1] === 0
    ? {
        inputs: {
          peakRequestsPerSecond: answerAt(x, "peakRequestsPerSecond"),
          avgRequestsPerSecond: answerAt(x, "avgRequestsPerSecond"),
          processingTimeMs: answerAt(x, "processingTimeMs"),
          latencyBudgetMs: answerAt(x, "latencyBudgetMs"),
          idleHoursPerDay: answerAt(x, "idleHoursPerDay"),
          coldStartToleranceSeconds: answerAt(x, "coldStartToleranceSeconds"),
          needsGpu: gpu,
          replicaHourUsd: replicaHour,
          serverlessGbSecondUsd: p.serverlessGbSecondUsd,
        },
        serving: SERVING[e.rtServing],
        offeredLoadErlangs: sp ? n(sp.offeredLoad) : null,
        waitBudgetMs: n(e.rtWaitBudgetS * 1000),
        replicasAtPeak: n(e.rtReplicas),
        replicasAtAverage: n(e.rtReplicasAvg),
        replicasForLatency: sp ? Math.ceil(sp.replicas / e.rtSlotsPerReplica) : null,
        minReplicas: e.rtMinReplicas,
        utilisationAtPeak: sp ? n(sp.offeredLoad / (e.rtReplicas * e.rtSlotsPerReplica), 3) : null,
        probWaitAtPeak: sp ? n(sp.probWait, 4) : null,
        probWaitExceedsBudget: sp ? n(sp.probWaitExceeds, 4) : null,
        p99LatencyMs: n(e.rtP99Ms, 4),
        coldStartSeconds: n(e.rtColdStartS, 4),
        scaleToZeroAllowed: e.rtScaleToZeroAllowed && e.rtVariantBlocked[1] === 0,
        scaleToZeroPricing: sp ? e.rtScaleToZeroMethod : null,
        monthlyCostAlwaysOnUsd: usd(e.rtCostAlwaysOn),
        monthlyCostScaleToZeroUsd: usd(e.rtCostScaleToZero),
        monthlyCostUsd: usd(e.cost[1]!),
        approximate: sp ? sp.approximate : false,
        formula:
          "slots per replica = vCPUs (CPU) or the GPU batch size; a = req/s x batch service s; slots = max(smallest c with ErlangC(c, a) x exp(-(c - a) x wait budget / s) <= 1%, a / 70%); replicas = ceil(slots / slots per replica) + 1 for high/critical (N+1), sized at peak and, separately, at average; always-on = replica-hour x GPUs (or instances) per replica x 730 x [active share x mean(peak, average fleet) + idle share x minimum]; scale-to-zero = serverless GB-seconds; the cheapest serving variant within its documented limits is used.",
        concurrencyPerReplica: e.rtSlotsPerReplica,
        batching: BATCHING[e.rtBatching],
        batchSize: e.rtBatchSize,
        batchAddedLatencyMs: n(e.rtBatchAddedMs, 4),
        targetUtilisation: LIMITS.targetUtilisation.value,
        nPlusOne: e.rtNPlusOne,
        gpusPerReplica: gpu ? e.unitsPerReplica : null,
        variants: servingVariants(st, rec),
      }
    : null;

  const batch: EstimatesOut["batch"] = st.blocked[0] === 0
    ? {
        inputs: {
          entityCount: answerAt(x, "entityCount"),
          processingTimeMs: answerAt(x, "processingTimeMs"),
          maxStalenessSeconds: answerAt(x, "maxStalenessSeconds"),
          activeSharePercent: answerAt(x, "activeSharePercent"),
          workerHourUsd: gpu ? p.batchGpuWorkerHourUsd : p.batchCpuWorkerHourUsd,
          overheadSeconds: ASSUMPTIONS.batchOverheadSeconds,
        },
        workers: e.bVariant === 1 ? null : n(e.bWorkers),
        runDurationSeconds: e.bVariant === 1 ? n(ASSUMPTIONS.batchOverheadSeconds + (x[FIELD_INDEX.processingTimeMs]! / 1000), 4) : n(e.bDurationS, 4),
        cadenceSeconds: e.bVariant === 1 ? null : n(e.bCadenceS, 6),
        cadenceAssumed: e.bVariant === 0 && !e.bCadenceKnown,
        worstCaseStalenessSeconds: n(e.bWorstStalenessS, 6),
        wastedPredictionsPerRun: n(e.bWastedPerRun, 12),
        runsPerMonth: e.bVariant === 1 ? n(e.bItemsPerMonth, 4) : n(e.bRunsPerMonth, 4),
        monthlyCostUsd: usd(e.cost[0]!),
        formula:
          e.bVariant === 1
            ? "per-item triggered job (a scheduled run is ruled out): one job per item = 300 s start-up + processing; items/month = average req/s x active seconds; cost = items/month x job hours x worker-hour."
            : "cadence = longest of 30 d, 7 d, 1 d, 6 h, 1 h, 15 min within the allowed staleness (the staleness itself below 15 min); scored = entities x active share (when known); workers = ceil(scored x processing s / (min(1 h, cadence / 2) - 300 s)), at most one per item; duration = 300 s + work / workers; worst-case staleness = cadence + duration; cost = runs/month x workers x duration h x worker-hour.",
        variant: e.bVariant === 1 ? "per-item" : "scheduled",
        entitiesScored: e.bVariant === 1 ? null : n(e.bEntitiesScored, 12),
        quotaWarning: e.bVariant === 0 && e.bWorkers > ASSUMPTIONS.batchMaxWorkers ? batchQuotaMessage(e.bWorkers) : null,
      }
    : null;

  const asyncEst: EstimatesOut["async"] = st.blocked[2] === 0
    ? {
        inputs: {
          peakRequestsPerSecond: answerAt(x, "peakRequestsPerSecond"),
          avgRequestsPerSecond: answerAt(x, "avgRequestsPerSecond"),
          processingTimeMs: answerAt(x, "processingTimeMs"),
          idleHoursPerDay: answerAt(x, "idleHoursPerDay"),
          replicaHourUsd: replicaHour,
          queuePerMillionMessagesUsd: p.queuePerMillionMessagesUsd,
        },
        workersAtAverage: n(e.aWorkersAvg),
        workersAtPeak: n(e.aWorkersPeak),
        messagesPerMonth: n(e.aMessagesPerMonth, 6),
        p99LatencyMs: n(e.aP99Ms, 4),
        coldStartSeconds: n(e.rtColdStartS, 4),
        monthlyCostUsd: usd(e.aCost),
        formula:
          "workers = ceil(req/s x processing s / 0.7) at average and at peak; scales to zero when the queue is empty; cost = replica-hour x 730 x active share x mean(workers) + messages/month / 1e6 x queue price; latency = processing + ~1 s queue and delivery overhead (+ a cold start after idle).",
      }
    : null;

  const streaming: EstimatesOut["streaming"] = st.blocked[3] === 0
    ? {
        inputs: {
          peakRequestsPerSecond: answerAt(x, "peakRequestsPerSecond"),
          processingTimeMs: answerAt(x, "processingTimeMs"),
          replicaHourUsd: replicaHour,
          streamShardHourUsd: p.streamShardHourUsd,
        },
        consumers: n(e.sConsumers),
        shards: n(e.sShards),
        endToEndLatencyMs: n(e.sP99Ms, 4),
        monthlyCostUsd: usd(e.sCost),
        formula:
          "consumers = ceil(peak events/s x processing s / (70% x slots per replica)); shards = max(peak / 1,000 records/s, peak x payload MB / 1 MB/s); always running: cost = 730 x (consumers x replica-hour + shards x shard-hour); latency = processing + ~1 s poll/commit interval.",
        throughputMBps: n(e.sThroughputMBps, 6),
      }
    : null;

  const hybrid: EstimatesOut["hybrid"] = st.blocked[4] === 0
    ? {
        inputs: {
          peakRequestsPerSecond: answerAt(x, "peakRequestsPerSecond"),
          processingTimeMs: answerAt(x, "processingTimeMs"),
          latencyBudgetMs: answerAt(x, "latencyBudgetMs"),
          inputsEnumerable: x[FIELD_INDEX.inputsEnumerable] === x[FIELD_INDEX.inputsEnumerable] ? x[FIELD_INDEX.inputsEnumerable] === 1 : null,
          keyValuePerMillionReadsUsd: p.keyValuePerMillionReadsUsd,
        },
        assumedHitRate: e.hHitRate,
        liveRequestsPerSecondAtPeak: n(e.hLambda),
        liveReplicasAtPeak: n(e.hReplicas),
        p99LatencyHitMs: ASSUMPTIONS.lookupLatencyMs,
        p99LatencyMissMs: n(e.hP99Ms, 4),
        batchMonthlyCostUsd: usd(e.hBatchCost),
        liveMonthlyCostUsd: usd(e.hLiveCost),
        lookupMonthlyCostUsd: usd(e.hLookupCost),
        monthlyCostUsd: usd(e.hCost),
        formula:
          "a batch precomputes every known input (as in batch); an assumed 90% of requests hit the store (50% if inputs are not enumerable); misses go to a real-time path sized by Erlang C for peak x (1 - hit rate); cost = batch + live path + store reads.",
      }
    : null;

  const model = x[FIELD_INDEX.modelSizeGB]!;
  const edge: EstimatesOut["edge"] = st.blocked[5] === 0
    ? {
        inputs: {
          processingTimeMs: answerAt(x, "processingTimeMs"),
          modelSizeGB: answerAt(x, "modelSizeGB"),
          deviceSlowdown: ASSUMPTIONS.edgeSlowdown,
        },
        deviceLatencyMs: n(e.eP99Ms, 4),
        fitsOnPhone: model === model ? model <= LIMITS.edgeComfortModelGB.value : null,
        monthlyServerCostUsd: 0,
        formula: "device latency = processing x 2 (devices assumed slower than a server replica); no server-side compute; distribution and telemetry are not priced.",
      }
    : null;

  return { batch, realtime, async: asyncEst, streaming, hybrid, edge };
}

const LATENCY_NOTES: Record<StrategyId, string> = {
  batch: "Precomputed lookup; predictions are as old as the last run (see worst-case staleness).",
  realtime: "Processing plus the 99th-percentile queue wait at peak (Erlang C).",
  async: "Processing plus queue and delivery overhead; the caller gets the result by callback or polling.",
  streaming: "Time from an event to a written prediction.",
  hybrid: "Store hits are a lookup; misses take the live path (figure shown).",
  edge: "On-device processing, no network hop.",
};

function buildTradeoffs(st: EvalState): Tradeoff[] {
  const e = st.est;
  // Moving parts were recorded by the explained evaluation.
  const out: Tradeoff[] = [];
  for (let s = 0; s < STRATEGIES.length; s++) {
    const id = STRATEGIES[s]!;
    const parts = e.movingParts[s]!.slice();
    const cost = e.cost[s]!;
    const p99 = e.p99Ms[s]!;
    out.push({
      strategy: id,
      latency: { p99Ms: n(p99, 4), note: LATENCY_NOTES[id] },
      cost: {
        monthlyUsd: usd(cost),
        note: Number.isFinite(cost) ? `About ${formatUsd(cost)} a month at the price table used.` : "Not computable: a load, size or timing answer is unknown.",
        timesCheapest: Number.isFinite(cost) && Number.isFinite(st.est.cheapestCost) && id !== "edge" ? n(cost / Math.max(st.est.cheapestCost, 1), 3) : null,
      },
      complexity: { level: complexityLevel(parts.length), movingParts: parts },
    });
  }
  return out;
}
