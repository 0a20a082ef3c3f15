import type { Confidence } from "~/engine";
import { confidenceText, signedPoints } from "../present";

/** The confidence value and level in words, and each reason it was lowered. */
export function ConfidenceSummary({ confidence }: { confidence: Confidence }) {
  return (
    <div className="text-sm">
      <p>
        Confidence <strong className="tabular-nums">{confidenceText(confidence)}</strong>
      </p>
      {confidence.reasons.length > 0 ? (
        <ul className="mt-2 space-y-1 text-slate-600">
          {confidence.reasons.map((r) => (
            <li key={r.code} className="flex gap-2">
              <span className="w-12 shrink-0 text-right font-medium tabular-nums text-slate-800">{signedPoints(Math.round(r.delta * 100))}%</span>
              <span>{r.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-600">Nothing lowered the confidence.</p>
      )}
    </div>
  );
}
