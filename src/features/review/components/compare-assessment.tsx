import { STRATEGIES, STRATEGY_LABELS } from "~/engine";
import { digestPathLabel, formatDigestValue } from "../present";
import { ChangedMarker } from "./changed-marker";
import { ScrollRegion } from "~/components/ui/scroll-region";

/** The digest `review.compare` returns for each side (recommendation, confidence, per-strategy figures). */
export interface AssessmentDigest {
  recommended: string | null;
  serving: string | null;
  confidence: number;
  scores: Record<string, number>;
  feasible: Record<string, boolean>;
  monthlyCostUsd: Record<string, number | null>;
  p99LatencyMs: Record<string, number | null>;
  flips: Record<string, number>;
}

export interface DigestChange {
  path: string;
  kind: "CREATE" | "REMOVE" | "CHANGE";
  before: unknown;
  after: unknown;
}

const TOP = ["recommended", "serving", "confidence"] as const;
const METRICS = ["feasible", "scores", "monthlyCostUsd", "p99LatencyMs"] as const;
const METRIC_LABELS: Record<(typeof METRICS)[number], string> = {
  feasible: "Feasible",
  scores: "Score",
  monthlyCostUsd: "Monthly cost",
  p99LatencyMs: "p99 latency",
};

/** One value, or "before → after" with a "changed" marker when the server's diff lists the path. */
function Cell({ path, before, after, changed }: { path: string; before: unknown; after: unknown; changed: boolean }) {
  if (!changed) return <>{formatDigestValue(path, after)}</>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <span className="text-slate-600">{formatDigestValue(path, before)}</span>
      <span role="img" aria-label="becomes">→</span>
      <span className="font-semibold text-slate-900">{formatDigestValue(path, after)}</span>
      <ChangedMarker />
    </span>
  );
}

/** The two assessments' digests: headline side by side, per-strategy figures, and the server's list of changes. */
export function CompareAssessment({
  from,
  to,
  fromDigest,
  toDigest,
  changes,
}: {
  from: number;
  to: number;
  fromDigest: AssessmentDigest;
  toDigest: AssessmentDigest;
  changes: readonly DigestChange[];
}) {
  const changed = new Set(changes.map((c) => c.path));
  const get = (digest: AssessmentDigest, path: string): unknown => {
    const [head, key] = path.split(".") as [keyof AssessmentDigest, string | undefined];
    const value = digest[head];
    return key === undefined ? value : (value as Record<string, unknown> | null)?.[key];
  };

  const topChanged = TOP.some((p) => changed.has(p));
  const strategiesChanged = STRATEGIES.some((s) => METRICS.some((m) => changed.has(`${m}.${s}`)));

  return (
    <div className="space-y-6">
      <ScrollRegion label={`Recommendation and confidence of version ${from} and version ${to}`} className="rounded-xl border border-slate-200 bg-white shadow-sm" same={!topChanged}>
        <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="compare-headline">
          <caption className="sr-only">
            Recommendation and confidence of version {from} and version {to}
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Figure</span>
              </th>
              <th scope="col" className="px-4 py-3">
                Version {from}
              </th>
              <th scope="col" className="px-4 py-3">
                Version {to}
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {TOP.map((path) => {
              const isChanged = changed.has(path);
              return (
                <tr key={path} className={isChanged ? "bg-amber-50" : undefined} data-changed={isChanged || undefined} data-same={!isChanged || undefined}>
                  <th scope="row" className={`border-l-4 px-4 py-2 text-left font-medium text-slate-700 ${isChanged ? "border-amber-400" : "border-transparent"}`}>
                    {digestPathLabel(path)}
                  </th>
                  <td className="px-4 py-2 text-slate-900">{formatDigestValue(path, get(fromDigest, path))}</td>
                  <td className={`px-4 py-2 text-slate-900 ${isChanged ? "font-semibold" : ""}`}>{formatDigestValue(path, get(toDigest, path))}</td>
                  <td className="px-4 py-2 text-right">{isChanged ? <ChangedMarker /> : <span className="sr-only">same</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>

      <ScrollRegion label="By strategy" className="rounded-xl border border-slate-200 bg-white shadow-sm" same={!strategiesChanged}>
        <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="compare-strategies">
          <caption className="px-4 pt-3 text-left text-sm font-semibold text-slate-900">
            By strategy <span className="font-normal text-slate-600">— version {from} → version {to}; changed figures show both values</span>
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                Strategy
              </th>
              {METRICS.map((m) => (
                <th key={m} scope="col" className="px-4 py-3">
                  {METRIC_LABELS[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {STRATEGIES.map((s) => {
              const rowChanged = METRICS.some((m) => changed.has(`${m}.${s}`));
              return (
                <tr key={s} className={rowChanged ? "bg-amber-50/60" : undefined} data-same={!rowChanged || undefined}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {STRATEGY_LABELS[s]}
                  </th>
                  {METRICS.map((m) => {
                    const path = `${m}.${s}`;
                    return (
                      <td key={m} className="px-4 py-2 text-slate-800">
                        <Cell path={path} before={get(fromDigest, path)} after={get(toDigest, path)} changed={changed.has(path)} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>

    </div>
  );
}

/** The assessment's changes as a list ("Score · Batch scoring: 41 → 47"), flip thresholds included. */
export function AssessmentChangeList({ changes }: { changes: readonly DigestChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">None: both versions score the same.</p>;
  return (
    <ul className="space-y-1 text-sm text-slate-800" data-testid="assessment-changes">
      {changes.map((c) => (
        <li key={c.path}>
          <span className="font-medium">{digestPathLabel(c.path)}</span>: {formatDigestValue(c.path, c.before)} <span aria-hidden="true">→</span>
          <span className="sr-only">becomes</span> {formatDigestValue(c.path, c.after)}
        </li>
      ))}
    </ul>
  );
}
