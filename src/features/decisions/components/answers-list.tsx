import { formatAnswer, questionnaire, type Answers } from "~/engine";

/** The submitted answers by questionnaire step, in the questionnaire's words and units. */
export function AnswersList({ answers }: { answers: Answers }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {questionnaire.map((step) => (
        <div key={step.id}>
          <h3 className="text-sm font-semibold text-slate-900">{step.title}</h3>
          <dl className="mt-2 divide-y divide-slate-100 text-sm">
            {step.questions.map((q) => (
              <div key={q.field} className="flex justify-between gap-4 py-1.5">
                <dt className="text-slate-600">{q.label}</dt>
                <dd className={`text-right font-medium ${answers[q.field] === null ? "text-slate-500 italic" : "text-slate-900"}`}>
                  {formatAnswer(q, answers[q.field])}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
