export const STRATEGIES = ["batch", "realtime", "async", "streaming", "hybrid", "edge"] as const;
export type StrategyId = (typeof STRATEGIES)[number];

export const STRATEGY_LABELS: Record<StrategyId, string> = {
  batch: "Batch scoring",
  realtime: "Real-time endpoint",
  async: "Asynchronous endpoint",
  streaming: "Streaming (nearline)",
  hybrid: "Hybrid (precompute + real-time)",
  edge: "Edge / on-device",
};

export const STRATEGY_DESCRIPTIONS: Record<StrategyId, string> = {
  batch: "Scheduled bulk scoring of a known set of inputs; results stored for lookup or reports.",
  realtime: "A synchronous online endpoint answering each request in the caller's path.",
  async: "Queued requests processed in near real time; the result is delivered by callback or polling.",
  streaming: "Event-driven scoring of a stream; results written seconds after each event.",
  hybrid: "Precompute in batch for known inputs, plus a real-time path for the rest or as a fallback.",
  edge: "The model runs on the device or at the edge (offline operation, local data, tight latency).",
};

export type ServingMode = "always-on" | "scale-to-zero" | "dedicated";

/** Shown where a strategy's label would be when the engine found no feasible strategy (2.0.0). */
export const NO_FEASIBLE_LABEL = "No feasible strategy";
/** Short form for tables and exports. */
export const NO_FEASIBLE_SHORT = "none feasible";

/** The label of a recommendation, or NO_FEASIBLE_LABEL when there is none. */
export function recommendationLabel(s: StrategyId | null): string {
  return s === null ? NO_FEASIBLE_LABEL : STRATEGY_LABELS[s];
}
