import { ANSWER_FIELDS, type AnswerField, type Answers } from "./answers";
import type {
  Assessment,
  AssessmentWarning,
  Confidence,
  Constraint,
  Estimates as EstimatesOut,
  Flip,
  RankingEntry,
  Tradeoff,
} from "./assessment-schema";
import { FIELD_PHRASES } from "./fields";
import { formatDurationMs, formatDurationSeconds, formatNumber, formatUsd, roundSig, roundTo } from "./format";
import { ASSUMPTIONS, PLATFORM_LIMITS } from "./limits";
import { resolvePrices, type PriceTable } from "./prices";
import {
  BASE_SCORE,
  clampScore,
  complexityLevel,
  createState,
  encodeAnswers,
  evaluate,
  FIELD_INDEX,
  Recorder,
  type EvalState,
} from "./score";
import { STRATEGIES, STRATEGY_LABELS, type StrategyId } from "./strategies";
import { ENGINE_VERSION } from "./version";
import { computeFlips, formatFieldValue, unknownInfluence } from "./whatif";

export interface AssessOptions {
  /** Override some or all unit prices (see DEFAULT_PRICES). */
  prices?: Partial<PriceTable>;
  /** Compute flips (default true). `false` is the fast path for bulk re-scoring. */
  flips?: boolean;
}

/**
 * Largest confidence penalty for unknown answers (1.1.0: was 0.36, which left a questionnaire
 * with every answer but the consumer unknown at "medium" confidence; now it is "low").
 */
const MAX_UNKNOWN_PENALTY = 0.6;

/** Fields whose absence weighs most on confidence. */
const KEY_FIELDS: ReadonlySet<AnswerField> = new Set([
  "latencyBudgetMs",
  "maxStalenessSeconds",
  "featureFreshness",
  "inputsEnumerable",
  "peakRequestsPerSecond",
  "processingTimeMs",
  "offlineOrOnDevice",
]);

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
  const recommended = STRATEGIES[best]!;

  const ranking = buildRanking(st, rec);
  const unknownFields: AnswerField[] = [];
  for (let i = 0; i < ANSWER_FIELDS.length; i++) if (x[i] !== x[i]) unknownFields.push(ANSWER_FIELDS[i]!); // NaN = null
  // What-if analyses (flips, influence of unknown answers) are skipped on the fast path.
  const probes = withFlips ? createState(x.slice(), prices, null) : null;
  const influence = probes ? unknownInfluence(probes, best, unknownFields) : [];
  const flips: Flip[] = probes ? computeFlips(probes, best) : [];
  const warnings = buildWarnings(answers, x, influence);
  const confidence = buildConfidence(ranking, rec, unknownFields, warnings);
  const estimates = buildEstimates(st);
  const tradeoffs = buildTradeoffs(st);
  const constraints: Constraint[] = [];
  for (const c of rec.constraints)
    constraints.push({ id: c.id, level: c.level, strategies: c.strategies, fields: c.fields, message: c.message, source: c.source });
  const serving = recommended === "realtime" ? (st.est.rtServing === 1 ? "scale-to-zero" : "always-on") : null;

  return {
    engineVersion: ENGINE_VERSION,
    recommended,
    recommendedLabel: STRATEGY_LABELS[recommended],
    serving,
    summary: buildSummary(ranking, confidence),
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

/** The recommended strategy only: the fastest path (no explanations, no flips). */
export function recommend(answers: Answers, options: { prices?: Partial<PriceTable> } = {}): StrategyId {
  const st = createState(encodeAnswers(answers), resolvePrices(options.prices), null);
  return STRATEGIES[evaluate(st)]!;
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
    for (const b of rec.blockedBy[s]!) blockedBy.push({ rule: b.rule, message: b.message });
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

/** Append a confidence reason (delta rounded to cents; none when it rounds to 0); returns the delta applied. */
function pushReason(reasons: Confidence["reasons"], code: string, delta: number, message: string): number {
  const d = roundTo(delta, 2);
  if (d === 0) return 0;
  reasons.push({ code, delta: d, message });
  return d;
}

function buildConfidence(ranking: RankingEntry[], rec: Recorder, unknownFields: AnswerField[], warnings: AssessmentWarning[]): Confidence {
  const reasons: Confidence["reasons"] = [];
  let value = 1;

  if (unknownFields.length > 0) {
    let w = 0;
    let phrases = "";
    for (let k = 0; k < unknownFields.length; k++) {
      const f = unknownFields[k]!;
      w += KEY_FIELDS.has(f) ? 0.06 : 0.02;
      phrases += (k === 0 ? "" : ", ") + FIELD_PHRASES[f];
    }
    value += pushReason(
      reasons,
      "unknown-answers",
      -Math.min(MAX_UNKNOWN_PENALTY, w),
      `${unknownFields.length} answer${unknownFields.length === 1 ? " is" : "s are"} unknown (${phrases}).`,
    );
  }

  let f0: RankingEntry | undefined;
  let f1: RankingEntry | undefined;
  for (const r of ranking) {
    if (!r.feasible) continue;
    if (!f0) f0 = r;
    else {
      f1 = r;
      break;
    }
  }
  if (f0 && f1) {
    const gap = f0.score - f1.score;
    const msg = `${f0.label} leads ${f1.label} by ${formatNumber(gap)} point${gap === 1 ? "" : "s"}.`;
    if (gap < 3) value += pushReason(reasons, "narrow-gap", -0.25, msg);
    else if (gap < 6) value += pushReason(reasons, "narrow-gap", -0.15, msg);
    else if (gap < 10) value += pushReason(reasons, "narrow-gap", -0.05, msg);
  }

  // The first near-threshold note of each field.
  let nearCount = 0;
  let nearText = "";
  const seen: AnswerField[] = [];
  for (const nt of rec.near) {
    if (seen.includes(nt.field)) continue;
    seen.push(nt.field);
    nearText += `${nearCount === 0 ? "" : "; "}${FIELD_PHRASES[nt.field]} ${formatFieldValue(nt.field, nt.value)} vs ${formatFieldValue(nt.field, nt.threshold)} (${nt.rule})`;
    nearCount++;
  }
  if (nearCount > 0) value += pushReason(reasons, "near-threshold", -Math.min(0.15, 0.05 * nearCount), `Answers close to a rule threshold: ${nearText}.`);

  let contradictions = 0;
  for (const w of warnings) if (w.kind === "contradiction") contradictions++;
  if (contradictions > 0)
    value += pushReason(
      reasons,
      "contradictions",
      -Math.min(0.2, 0.1 * contradictions),
      `${contradictions} answer${contradictions === 1 ? "" : "s"} contradict${contradictions === 1 ? "s" : ""} another (see warnings).`,
    );

  value = roundTo(Math.min(1, Math.max(0.05, value)), 2);
  return { value, level: value >= 0.75 ? "high" : value >= 0.5 ? "medium" : "low", reasons };
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
      message: `The ${FIELD_PHRASES[inf.field]} is unknown; ${inf.changes} of ${inf.probes} plausible answers would change the recommendation (to ${alts}). Answering it matters.`,
    });
  }
  const c = (code: string, fields: AnswerField[], message: string) => out.push({ code, kind: "contradiction", fields, alternatives: [], message });
  const lat = a.latencyBudgetMs;
  if ((a.consumer === "report" || a.consumer === "human-later") && lat !== null && lat < 1000)
    c(
      "consumer-vs-latency",
      ["consumer", "latencyBudgetMs"],
      `Predictions are consumed ${a.consumer === "report" ? "in a report" : "by a person later"}, yet the latency budget is ${formatDurationMs(lat)}: nobody waits on a report in the request path. Check one of the two answers.`,
    );
  if ((a.consumer === "user-request" || a.consumer === "service-request") && lat !== null && lat >= 3_600_000)
    c(
      "consumer-vs-latency",
      ["consumer", "latencyBudgetMs"],
      `A caller waits on each request, yet the latency budget is ${formatDurationMs(lat)}: no synchronous caller waits that long. Check one of the two answers.`,
    );
  if (a.offlineOrOnDevice === true && a.inputSource !== null && a.inputSource !== "device")
    c(
      "offline-vs-input-source",
      ["offlineOrOnDevice", "inputSource"],
      `The use case must work offline / on the device, but inputs come from ${a.inputSource}, which a device cannot reach offline.`,
    );
  if (a.idleHoursPerDay === 24 && a.peakRequestsPerSecond !== null && a.peakRequestsPerSecond > 0)
    c("idle-vs-traffic", ["idleHoursPerDay", "peakRequestsPerSecond"], "The service is idle 24 hours a day yet has a non-zero peak request rate.");
  if (a.maxStalenessSeconds !== null && a.maxStalenessSeconds < 60 && (a.featureFreshness === "hours" || a.featureFreshness === "daily"))
    c(
      "staleness-vs-freshness",
      ["maxStalenessSeconds", "featureFreshness"],
      `Inputs change at most ${a.featureFreshness === "daily" ? "daily" : "hourly"}, yet predictions may be at most ${formatDurationSeconds(a.maxStalenessSeconds)} old: a prediction recomputed after each input change stays exact until the next change. Consider a larger allowed staleness.`,
    );
  if (a.inputsEnumerable === true && a.featureFreshness === "request")
    c(
      "enumerable-vs-request-features",
      ["inputsEnumerable", "featureFreshness"],
      "Inputs are said to be known in advance, yet the model needs inputs that exist only at request time.",
    );
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

function buildEstimates(st: EvalState): EstimatesOut {
  const e = st.est;
  const x = st.x;
  const p = st.prices;
  const gpu = x[FIELD_INDEX.needsGpu] === 1;
  const v = (f: AnswerField): number | null => ans(x[FIELD_INDEX[f]]!);
  const replicaHour = gpu ? p.gpuReplicaHourUsd : p.cpuReplicaHourUsd;
  const feasible = (s: number) => st.blocked[s] === 0;

  const sp = e.rtSizingPeak;
  const realtime: EstimatesOut["realtime"] = feasible(1)
    ? {
        inputs: {
          peakRequestsPerSecond: v("peakRequestsPerSecond"),
          avgRequestsPerSecond: v("avgRequestsPerSecond"),
          processingTimeMs: v("processingTimeMs"),
          latencyBudgetMs: v("latencyBudgetMs"),
          idleHoursPerDay: v("idleHoursPerDay"),
          coldStartToleranceSeconds: v("coldStartToleranceSeconds"),
          needsGpu: gpu,
          replicaHourUsd: replicaHour,
          serverlessGbSecondUsd: p.serverlessGbSecondUsd,
        },
        serving: e.rtServing === 1 ? "scale-to-zero" : "always-on",
        offeredLoadErlangs: sp ? n(sp.offeredLoad) : null,
        waitBudgetMs: n(e.rtWaitBudgetS * 1000),
        replicasAtPeak: n(e.rtReplicas),
        replicasAtAverage: n(e.rtReplicasAvg),
        replicasForLatency: sp ? sp.replicas : null,
        minReplicas: e.rtMinReplicas,
        utilisationAtPeak: sp ? n(sp.offeredLoad / e.rtReplicas, 3) : null,
        probWaitAtPeak: sp ? n(sp.probWait, 4) : null,
        probWaitExceedsBudget: sp ? n(sp.probWaitExceeds, 4) : null,
        p99LatencyMs: n(e.rtP99Ms, 4),
        coldStartSeconds: n(e.rtColdStartS, 4),
        scaleToZeroAllowed: e.rtScaleToZeroAllowed,
        scaleToZeroPricing: sp ? e.rtScaleToZeroMethod : null,
        monthlyCostAlwaysOnUsd: usd(e.rtCostAlwaysOn),
        monthlyCostScaleToZeroUsd: usd(e.rtCostScaleToZero),
        monthlyCostUsd: usd(e.cost[1]!),
        approximate: sp ? sp.approximate : false,
        formula:
          "a = peak req/s x processing s (Erlangs); replicas = smallest c > a with ErlangC(c, a) x exp(-(c - a) x (budget - processing) / processing) <= 1%, at least 2 for high/critical; always-on cost = replica-hour x 730 x [active share x mean(replicas at peak, at average) + idle share x minimum]; scale-to-zero (allowed when cold start <= tolerance) = serverless GB-seconds or replica-hours while active.",
      }
    : null;

  const batch: EstimatesOut["batch"] = feasible(0)
    ? {
        inputs: {
          entityCount: v("entityCount"),
          processingTimeMs: v("processingTimeMs"),
          maxStalenessSeconds: v("maxStalenessSeconds"),
          activeSharePercent: v("activeSharePercent"),
          workerHourUsd: gpu ? p.batchGpuWorkerHourUsd : p.batchCpuWorkerHourUsd,
          overheadSeconds: ASSUMPTIONS.batchOverheadSeconds,
        },
        workers: n(e.bWorkers),
        runDurationSeconds: n(e.bDurationS, 4),
        cadenceSeconds: n(e.bCadenceS, 6),
        cadenceAssumed: !e.bCadenceKnown,
        worstCaseStalenessSeconds: n(e.bWorstStalenessS, 6),
        wastedPredictionsPerRun: n(e.bWastedPerRun, 12),
        runsPerMonth: n(e.bRunsPerMonth, 4),
        monthlyCostUsd: usd(e.bCost),
        formula:
          "work = entities x processing s; workers = min(100, ceil(work / min(1 h, staleness / 2))); duration = 300 s overhead + work / workers; cadence = longest of 30 d, 7 d, 1 d, 6 h, 1 h, 15 min that fits staleness - duration; worst-case staleness = cadence + duration; wasted per run = (1 - active share) x entities; cost = runs/month x workers x duration h x worker-hour.",
      }
    : null;

  const asyncEst: EstimatesOut["async"] = feasible(2)
    ? {
        inputs: {
          peakRequestsPerSecond: v("peakRequestsPerSecond"),
          avgRequestsPerSecond: v("avgRequestsPerSecond"),
          processingTimeMs: v("processingTimeMs"),
          idleHoursPerDay: v("idleHoursPerDay"),
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

  const streaming: EstimatesOut["streaming"] = feasible(3)
    ? {
        inputs: {
          peakRequestsPerSecond: v("peakRequestsPerSecond"),
          processingTimeMs: v("processingTimeMs"),
          replicaHourUsd: replicaHour,
          streamShardHourUsd: p.streamShardHourUsd,
        },
        consumers: n(e.sConsumers),
        shards: n(e.sShards),
        endToEndLatencyMs: n(e.sP99Ms, 4),
        monthlyCostUsd: usd(e.sCost),
        formula:
          "consumers = ceil(peak events/s x processing s / 0.7); shards = ceil(peak / 1,000 records/s); always running: cost = 730 x (consumers x replica-hour + shards x shard-hour); latency = processing + ~1 s poll/commit interval.",
      }
    : null;

  const hybrid: EstimatesOut["hybrid"] = feasible(4)
    ? {
        inputs: {
          peakRequestsPerSecond: v("peakRequestsPerSecond"),
          processingTimeMs: v("processingTimeMs"),
          latencyBudgetMs: v("latencyBudgetMs"),
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
  const edge: EstimatesOut["edge"] = feasible(5)
    ? {
        inputs: {
          processingTimeMs: v("processingTimeMs"),
          modelSizeGB: v("modelSizeGB"),
          deviceSlowdown: ASSUMPTIONS.edgeSlowdown,
        },
        deviceLatencyMs: n(e.eP99Ms, 4),
        fitsOnPhone: model === model ? model <= PLATFORM_LIMITS.edgeModelGB : null,
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
      },
      complexity: { level: complexityLevel(parts.length), movingParts: parts },
    });
  }
  return out;
}
