import type { AnswerField } from "~/engine/answer-constants";
import type { DraftAnswers } from "~/engine/answers";
import { countAnswered, type Steps } from "../answers";

/** The questionnaire's steps as buttons (current step marked), with answered counts and overall progress. */
export function StepNav({
  steps,
  current,
  draft,
  errors,
  onSelect,
}: {
  steps: Steps;
  current: number;
  draft: DraftAnswers;
  errors: Partial<Record<AnswerField, string>>;
  onSelect: (index: number) => void;
}) {
  const total = steps.reduce((n, s) => n + s.questions.length, 0);
  const answered = steps.reduce((n, s) => n + countAnswered(draft, s.questions), 0);
  return (
    <nav aria-label="Questionnaire steps" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-3 flex items-center justify-between gap-4 text-sm">
        <p className="font-medium text-slate-900">
          {answered} of {total} questions answered
        </p>
        <div className="h-2 w-40 rounded-full bg-slate-100" aria-hidden="true">
          <div className="h-2 rounded-full bg-brand-600 transition-all" style={{ width: `${(answered / total) * 100}%` }} />
        </div>
      </div>
      <ol className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {steps.map((step, index) => {
          const done = countAnswered(draft, step.questions);
          const hasError = step.questions.some((q) => errors[q.field]);
          const active = index === current;
          return (
            <li key={step.id}>
              <button
                type="button"
                onClick={() => onSelect(index)}
                aria-current={active ? "step" : undefined}
                className={`flex w-full items-start gap-2 rounded-lg border px-3 py-2 text-left text-sm transition-colors ${
                  active ? "border-brand-600 bg-brand-50" : "border-slate-200 hover:bg-slate-50"
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                    hasError ? "bg-red-600 text-white" : done === step.questions.length ? "bg-emerald-600 text-white" : active ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700"
                  }`}
                >
                  {hasError ? "!" : done === step.questions.length ? "✓" : index + 1}
                </span>
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">
                    <span className="sr-only">Step {index + 1}: </span>
                    {step.title}
                  </span>
                  <span className={`block text-xs ${hasError ? "font-medium text-red-700" : "text-slate-600"}`}>
                    {done}/{step.questions.length} answered{hasError ? " · needs attention" : ""}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
