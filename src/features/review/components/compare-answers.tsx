import { formatAnswer, questionnaire, type Answers, type Question } from "~/engine";
import { ChangedMarker } from "./changed-marker";
import { ScrollRegion } from "~/components/ui/scroll-region";

/**
 * The answers of two versions side by side, by questionnaire step, in the questionnaire's words
 * and units. `changed` is the set of fields the server's diff reported (we do not re-diff here).
 */
export function CompareAnswers({
  from,
  to,
  fromAnswers,
  toAnswers,
  changed,
}: {
  from: number;
  to: number;
  fromAnswers: Answers;
  toAnswers: Answers;
  changed: ReadonlySet<string>;
}) {
  return (
    <ScrollRegion label={`Answers of version ${from} and version ${to}`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="compare-answers">
        <caption className="sr-only">
          Answers of version {from} and version {to}; changed answers are marked “changed”
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              Question
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
        {questionnaire.map((step) => (
          <tbody key={step.id} className="divide-y divide-slate-100 border-t border-slate-200" data-same={step.questions.every((q) => !changed.has(q.field)) || undefined}>
            <tr className="bg-slate-50/60">
              <th scope="colgroup" colSpan={4} className="px-4 py-2 text-left text-xs font-semibold text-slate-700">
                {step.title}
              </th>
            </tr>
            {step.questions.map((q) => {
              const isChanged = changed.has(q.field);
              return (
                <tr key={q.field} className={isChanged ? "bg-amber-50" : undefined} data-changed={isChanged || undefined} data-same={!isChanged || undefined}>
                  <th scope="row" className={`px-4 py-2 text-left font-normal text-slate-700 ${isChanged ? "border-l-4 border-amber-400" : "border-l-4 border-transparent"}`}>
                    {q.label}
                  </th>
                  <td className={`px-4 py-2 text-slate-900`}>{formatAnswer(q, fromAnswers[q.field])}</td>
                  <td className={`px-4 py-2 ${isChanged ? "font-semibold text-slate-900" : "text-slate-900"}`}>{formatAnswer(q, toAnswers[q.field])}</td>
                  <td className="px-4 py-2 text-right">{isChanged ? <ChangedMarker /> : <span className="sr-only">same</span>}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}

/** The changed answers only, in questionnaire order: "Processing time per prediction (p50): 100 ms → 150 ms". */
export function AnswerChangeList({ fromAnswers, toAnswers, changed }: { fromAnswers: Answers; toAnswers: Answers; changed: ReadonlySet<string> }) {
  const questions: Question[] = questionnaire.flatMap((step) => step.questions.filter((q) => changed.has(q.field)));
  if (questions.length === 0) return <p className="text-sm text-slate-600">None: both versions have the same answers.</p>;
  return (
    <ul className="space-y-1 text-sm text-slate-800" data-testid="answer-changes">
      {questions.map((q) => (
        <li key={q.field}>
          <span className="font-medium">{q.label}</span>: {formatAnswer(q, fromAnswers[q.field])} <span aria-hidden="true">→</span>
          <span className="sr-only">becomes</span> <span className="font-semibold">{formatAnswer(q, toAnswers[q.field])}</span>
        </li>
      ))}
    </ul>
  );
}
