/**
 * Contradictions: answers that cannot all be true. Each rule pairs questionnaire fields whose
 * meanings constrain each other (who waits vs how long they wait, where the model runs vs what it
 * needs, how old a prediction may be vs how fresh its inputs are, how much traffic vs how idle);
 * when they clash, the assessment carries a warning of kind "contradiction" naming the fields, and
 * the confidence drops (confidence.ts). A rule fires only when every answer it reads is known.
 *
 * "Peak below average" is not here: the answers schema refuses it outright (answers.ts).
 */
import type { Answers, AnswerField } from "./answers";
import type { AssessmentWarning } from "./assessment-schema";
import { formatDurationMs, formatDurationSeconds, formatNumber } from "./format";

/**
 * Heuristic: the largest model (GB in memory) that a user's device can hold — a high-end laptop's
 * memory (phones hold far less). A model above it cannot run offline on the device.
 */
export const DEVICE_MEMORY_GB = 16;
/** Heuristic: no prediction reached over a network returns within this (a round trip in one zone). */
export const NETWORK_ROUND_TRIP_MS = 1;
/** A staleness tolerance from which a precomputed answer is clearly acceptable (1 h). */
const LONG_STALENESS_S = 3_600;

interface ContradictionRule {
  code: string;
  fields: readonly AnswerField[];
  /** The message when the answers clash, else null. */
  check(a: Answers): string | null;
}

const SYNC_CONSUMERS: ReadonlySet<Answers["consumer"]> = new Set(["user-request", "service-request"]);
const CHANGE_INTERVAL_S: Partial<Record<NonNullable<Answers["featureFreshness"]>, [number, string]>> = {
  hours: [3_600, "hourly"],
  daily: [86_400, "daily"],
};

/** The rules, in questionnaire order of their first field. */
export const CONTRADICTION_RULES: readonly ContradictionRule[] = [
  {
    code: "consumer-vs-latency",
    fields: ["consumer", "latencyBudgetMs"],
    check: (a) =>
      (a.consumer === "report" || a.consumer === "human-later") && a.latencyBudgetMs !== null && a.latencyBudgetMs < 1000
        ? `Predictions are read ${a.consumer === "report" ? "in a report" : "by a person later"}, yet the latency budget is ${formatDurationMs(a.latencyBudgetMs)}: nobody waits on a report in the request path. Check one of the two answers.`
        : null,
  },
  {
    code: "consumer-vs-latency",
    fields: ["consumer", "latencyBudgetMs"],
    check: (a) =>
      SYNC_CONSUMERS.has(a.consumer) && a.latencyBudgetMs !== null && a.latencyBudgetMs >= 3_600_000
        ? `A caller waits on each request, yet the latency budget is ${formatDurationMs(a.latencyBudgetMs)}: no synchronous caller waits that long. Check one of the two answers.`
        : null,
  },
  {
    code: "latency-below-network",
    fields: ["latencyBudgetMs", "offlineOrOnDevice"],
    check: (a) =>
      a.latencyBudgetMs !== null && a.latencyBudgetMs < NETWORK_ROUND_TRIP_MS && a.offlineOrOnDevice === false
        ? `The latency budget is ${formatDurationMs(a.latencyBudgetMs)} and the prediction is reached over the network, but no network round trip completes in under ${formatDurationMs(NETWORK_ROUND_TRIP_MS)}. Check the latency budget (is it in milliseconds?).`
        : null,
  },
  {
    code: "latency-below-processing",
    fields: ["latencyBudgetMs", "processingTimeMs", "featureFreshness"],
    check: (a) =>
      a.latencyBudgetMs !== null && a.processingTimeMs !== null && a.processingTimeMs > a.latencyBudgetMs && a.featureFreshness === "request"
        ? `The inputs exist only in the request, so each prediction must be computed while the caller waits; yet the model alone takes ${formatDurationMs(a.processingTimeMs)}, more than the ${formatDurationMs(a.latencyBudgetMs)} latency budget. Either the budget or the processing time is wrong, or the model must get faster.`
        : null,
  },
  {
    code: "staleness-vs-freshness",
    fields: ["maxStalenessSeconds", "featureFreshness"],
    check: (a) => {
      const change = a.featureFreshness ? CHANGE_INTERVAL_S[a.featureFreshness] : undefined;
      return change && a.maxStalenessSeconds !== null && a.maxStalenessSeconds < 60
        ? `Inputs change at most ${change[1]}, yet predictions may be at most ${formatDurationSeconds(a.maxStalenessSeconds)} old: a prediction recomputed after each input change stays exact until the next change. Consider a larger allowed staleness.`
        : null;
    },
  },
  {
    code: "staleness-vs-fallback",
    fields: ["maxStalenessSeconds", "fallbackAcceptable"],
    check: (a) =>
      a.maxStalenessSeconds !== null && a.maxStalenessSeconds >= LONG_STALENESS_S && a.fallbackAcceptable === false
        ? `Predictions may be up to ${formatDurationSeconds(a.maxStalenessSeconds)} old, yet a precomputed answer may never stand in ("only a fresh prediction will do"). One of the two answers is wrong.`
        : null,
  },
  {
    code: "enumerable-vs-request-features",
    fields: ["featureFreshness", "inputsEnumerable"],
    check: (a) =>
      a.inputsEnumerable === true && a.featureFreshness === "request"
        ? "Inputs are said to be known in advance, yet the model needs inputs that exist only at request time."
        : null,
  },
  {
    code: "fallback-vs-request-inputs",
    fields: ["featureFreshness", "inputsEnumerable", "fallbackAcceptable"],
    check: (a) =>
      a.fallbackAcceptable === true && a.featureFreshness === "request" && a.inputsEnumerable === false
        ? "A precomputed answer may stand in, but the inputs exist only in the request and cannot be listed in advance: there is nothing to precompute. Check whether a stale fallback is really possible."
        : null,
  },
  {
    code: "idle-vs-traffic",
    fields: ["peakRequestsPerSecond", "idleHoursPerDay"],
    check: (a) =>
      a.idleHoursPerDay === 24 && a.peakRequestsPerSecond !== null && a.peakRequestsPerSecond > 0
        ? `The service is idle 24 hours a day, yet its peak is ${formatNumber(a.peakRequestsPerSecond, 3)} requests per second.`
        : null,
  },
  {
    code: "idle-vs-traffic",
    fields: ["peakRequestsPerSecond", "idleHoursPerDay"],
    check: (a) =>
      a.peakRequestsPerSecond === 0 && a.idleHoursPerDay !== null && a.idleHoursPerDay < 24
        ? `The peak is 0 requests per second, so the service is never busy, yet it is idle only ${formatNumber(a.idleHoursPerDay, 2)} hours a day.`
        : null,
  },
  {
    code: "request-consumer-without-traffic",
    fields: ["consumer", "peakRequestsPerSecond"],
    check: (a) =>
      SYNC_CONSUMERS.has(a.consumer) && a.peakRequestsPerSecond === 0
        ? "A caller waits on each request, yet the peak is 0 requests per second: nobody would ever call. Check the traffic."
        : null,
  },
  {
    code: "device-model-too-large",
    fields: ["modelSizeGB", "offlineOrOnDevice"],
    check: (a) =>
      a.offlineOrOnDevice === true && a.modelSizeGB !== null && a.modelSizeGB > DEVICE_MEMORY_GB
        ? `It must run offline on the device, but a ${formatNumber(a.modelSizeGB, 3)} GB ${a.needsGpu === true ? "GPU " : ""}model does not fit in a device's memory (about ${DEVICE_MEMORY_GB} GB on a high-end laptop, far less on a phone). Either the model must shrink or it cannot run on the device.`
        : null,
  },
  {
    code: "offline-vs-input-source",
    fields: ["inputSource", "offlineOrOnDevice"],
    check: (a) =>
      a.offlineOrOnDevice === true && a.inputSource !== null && a.inputSource !== "device"
        ? `It must work offline / on the device, but inputs come from ${inputSourceText(a.inputSource)}, which a device cannot reach offline.`
        : null,
  },
];

function inputSourceText(source: NonNullable<Answers["inputSource"]>): string {
  switch (source) {
    case "http-request":
      return "an HTTP request";
    case "event-stream":
      return "an event stream";
    case "database-table":
      return "a database table";
    case "files":
      return "files in storage";
    case "device":
      return "the device";
  }
}

/** The contradiction warnings of a set of answers (each names its fields, in questionnaire order). */
export function findContradictions(a: Answers): AssessmentWarning[] {
  const out: AssessmentWarning[] = [];
  for (const rule of CONTRADICTION_RULES) {
    const message = rule.check(a);
    if (message !== null) out.push({ code: rule.code, kind: "contradiction", fields: [...rule.fields], alternatives: [], message });
  }
  return out;
}

