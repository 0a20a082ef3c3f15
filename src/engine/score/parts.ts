/**
 * Moving parts of each strategy: the complexity axis of the trade-offs and the
 * operational-burden rule (docs/engine.md §5).
 */
import { ANSWER_INDEX } from "./encode";
import { STRATEGY_INDEX, type EvalState } from "./state";

// Module-local indices (see ANSWER_INDEX in encode.ts).
const { I_FRESHNESS } = ANSWER_INDEX;
const { A, B, H, R, S } = STRATEGY_INDEX;

const PARTS_BATCH = ["scheduler", "batch compute job", "results store"] as const;
const PARTS_RT_ALWAYS_ON = ["always-on endpoint", "autoscaler"] as const;
const PARTS_RT_SERVERLESS = ["serverless endpoint", "autoscaler"] as const;
const PARTS_ASYNC = ["queue", "worker endpoint", "autoscaler", "result store + callback"] as const;
const PARTS_STREAM = ["stream (broker)", "stream processor", "results sink"] as const;
const PARTS_HYBRID = ["scheduler", "batch compute job", "fallback store", "always-on endpoint", "autoscaler", "routing logic"] as const;
const PARTS_EDGE = ["model packaging for devices", "on-device runtime", "model update channel"] as const;

// The serving mode changes the names of realtime's parts, not their number, so only the explained
// path reads it (and the operational-burden rule reads no estimate). Compile-time check:
const _sameCount: (typeof PARTS_RT_SERVERLESS)["length"] = PARTS_RT_ALWAYS_ON.length;

/** Number of moving parts of strategy `s`; the list is recorded only when explaining. (No closures: hot path.) */
export function movingParts(st: EvalState, s: number): number {
  const fr = st.x[I_FRESHNESS]!;
  const featureStore = fr === 0 || fr === 1; // request/seconds features need an online feature store
  const streamState = fr === 1 || fr === 2;
  let base: readonly string[];
  let extra: string | null = null;
  switch (s) {
    case B:
      base = PARTS_BATCH;
      break;
    case R:
      base = st.rec && st.est.rtServing === 1 ? PARTS_RT_SERVERLESS : PARTS_RT_ALWAYS_ON;
      if (featureStore) extra = "online feature store";
      break;
    case A:
      base = PARTS_ASYNC;
      break;
    case S:
      base = PARTS_STREAM;
      if (streamState) extra = "stateful feature computation";
      break;
    case H:
      base = PARTS_HYBRID;
      if (featureStore) extra = "online feature store";
      break;
    default:
      base = PARTS_EDGE;
  }
  if (st.rec) {
    const list = base.slice();
    if (extra !== null) list.push(extra);
    st.est.movingParts[s] = list;
  }
  return base.length + (extra === null ? 0 : 1);
}

export function complexityLevel(parts: number): "low" | "medium" | "high" {
  return parts <= 3 ? "low" : parts <= 5 ? "medium" : "high";
}
