import type { Contribution, RankingEntry } from "~/engine";
import { signedPoints } from "../present";
import { SourceNote } from "./source-note";

/**
 * The strategies ranked by score, each with its score as text and as a bar, why it was ruled
 * out (if it was), and a disclosure listing the signed contributions that add up to the score.
 */
export function RankingChart({ ranking, showReasons = true }: { ranking: readonly RankingEntry[]; showReasons?: boolean }) {
  return (
    <ol className="space-y-3" aria-label="Strategies ranked by score">
      {ranking.map((entry) => (
        <li key={entry.strategy} className="text-sm">
          <div className="flex items-baseline justify-between gap-3">
            <span className={`font-medium ${entry.feasible ? "text-slate-900" : "text-slate-500"}`}>
              {entry.rank}. {entry.label}
              {entry.rank === 1 && entry.feasible ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-700">Recommended</span> : null}
            </span>
            <span className="shrink-0 tabular-nums text-slate-700">
              {entry.feasible ? `${entry.score} / 100` : `Ruled out · ${entry.score}`}
            </span>
          </div>
          <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden="true">
            <div
              className={`h-2 rounded-full ${entry.rank === 1 && entry.feasible ? "bg-brand-600" : entry.feasible ? "bg-slate-400" : "bg-slate-300 bg-[repeating-linear-gradient(45deg,transparent,transparent_3px,rgba(255,255,255,.7)_3px,rgba(255,255,255,.7)_6px)]"}`}
              style={{ width: `${Math.max(entry.score, 1)}%` }}
            />
          </div>
          {entry.blockedBy.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-600">
              {entry.blockedBy.map((b, i) => (
                <li key={`${b.rule}-${i}`}>
                  {b.message}
                  {showReasons ? <SourceNote sources={b.sources} /> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <details className="group mt-1">
            <summary className="cursor-pointer rounded text-xs font-medium text-brand-700 hover:underline">
              How {entry.label} scores {entry.score}
            </summary>
            <Contributions contributions={entry.contributions} showReasons={showReasons} />
          </details>
        </li>
      ))}
    </ol>
  );
}

function Contributions({ contributions, showReasons }: { contributions: readonly Contribution[]; showReasons: boolean }) {
  const scale = Math.max(1, ...contributions.filter((c) => c.factor !== "base").map((c) => Math.abs(c.points)));
  return (
    <ul className="mt-2 space-y-2 border-l-2 border-slate-100 pl-3">
      {contributions.map((c) => (
        <li key={`${c.factor}-${c.label}`}>
          <div className="grid grid-cols-[1fr_auto] items-center gap-x-3 sm:grid-cols-[1fr_7rem_3.5rem]">
            <span className="text-xs text-slate-700">{c.label}</span>
            <span className="hidden sm:block" aria-hidden="true">
              {c.factor === "base" ? null : <ContributionBar points={c.points} scale={scale} />}
            </span>
            <span className="text-right text-xs font-semibold tabular-nums text-slate-900">{signedPoints(c.points)}</span>
          </div>
          {showReasons ? <p className="text-xs text-slate-500">{c.reason}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** A diverging bar: negative points grow left of the centre line, positive ones right. */
function ContributionBar({ points, scale }: { points: number; scale: number }) {
  const width = `${(Math.abs(points) / scale) * 50}%`;
  return (
    <span className="relative block h-2 rounded bg-slate-50">
      <span className="absolute inset-y-0 left-1/2 w-px bg-slate-300" />
      <span
        className={`absolute inset-y-0 rounded ${points >= 0 ? "left-1/2 bg-emerald-500" : "right-1/2 bg-rose-500"}`}
        style={{ width }}
      />
    </span>
  );
}
