import { STRATEGIES, STRATEGY_LABELS } from "~/engine/strategies";

/** The options of a strategy filter: "any" first, then every strategy by its name. */
export function StrategyOptions({ anyLabel = "Any strategy" }: { anyLabel?: string }) {
  return (
    <>
      <option value="">{anyLabel}</option>
      {STRATEGIES.map((s) => (
        <option key={s} value={s}>
          {STRATEGY_LABELS[s]}
        </option>
      ))}
    </>
  );
}
