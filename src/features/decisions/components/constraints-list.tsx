import { getQuestion, STRATEGY_LABELS, type Constraint } from "~/engine";
import { CONSTRAINT_LEVEL_LABELS } from "../present";
import { SourceNote } from "./source-note";

const LEVEL_STYLES = {
  hard: "border-rose-200 bg-rose-50 text-rose-900",
  soft: "border-amber-200 bg-amber-50 text-amber-900",
  advisory: "border-slate-200 bg-slate-50 text-slate-700",
} as const;

/** The rules that fired, each with its level in words, the strategies and answers involved, and its source. */
export function ConstraintsList({ constraints }: { constraints: readonly Constraint[] }) {
  if (constraints.length === 0) return <p className="text-sm text-slate-600">No rule fired: every strategy was scored on points alone.</p>;
  return (
    <ul className="space-y-3">
      {constraints.map((c, i) => (
        <li key={`${c.id}-${i}`} className="rounded-lg border border-slate-200 p-3 text-sm">
          <p>
            <span className={`mr-2 inline-block rounded border px-1.5 py-0.5 text-xs font-semibold ${LEVEL_STYLES[c.level]}`}>
              {CONSTRAINT_LEVEL_LABELS[c.level]}
            </span>
            <code className="text-xs text-slate-500">{c.id}</code>
          </p>
          <p className="mt-2 text-slate-800">{c.message}</p>
          <dl className="mt-2 grid gap-1 text-xs text-slate-600 sm:grid-cols-[8rem_1fr]">
            <dt className="font-medium">Affects</dt>
            <dd>{c.strategies.map((s) => STRATEGY_LABELS[s]).join(", ")}</dd>
            {c.fields.length > 0 ? (
              <>
                <dt className="font-medium">Because of</dt>
                <dd>{c.fields.map((f) => getQuestion(f)?.label ?? f).join("; ")}</dd>
              </>
            ) : null}
            {c.source ? (
              <>
                <dt className="font-medium">Source</dt>
                <dd>{c.source}</dd>
              </>
            ) : null}
            {c.sources.length > 0 ? (
              <>
                <dt className="font-medium">Limits applied</dt>
                <dd>
                  <SourceNote sources={c.sources} />
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
