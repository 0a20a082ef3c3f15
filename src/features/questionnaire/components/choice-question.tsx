import type { Question } from "~/engine/questionnaire";
import type { AnswerValue } from "../answers";
import { describedBy, QuestionError, QuestionHelp } from "./question-text";

const DONT_KNOW = { value: null, label: "I don't know", help: "Counts as unknown: lowers the confidence" } as const;

/** An enum or yes/no question as a radio group, with an explicit "I don't know" unless required. */
export function ChoiceQuestion({
  question,
  value,
  error,
  onChange,
}: {
  question: Question;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const options = [...(question.options ?? []), ...(question.required ? [] : [DONT_KNOW])];
  const inline = question.kind === "boolean";
  return (
    <fieldset aria-describedby={describedBy(question.field, error)} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold text-slate-900">
        {question.label}
        {question.required ? <span className="font-normal text-slate-600"> (required)</span> : null}
      </legend>
      <QuestionHelp question={question} />
      <div className={`mt-3 grid gap-2 ${inline ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
        {options.map((option, index) => {
          const id = `q-${question.field}-${index}`;
          const checked = value === option.value;
          return (
            <label
              key={String(option.value)}
              htmlFor={id}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                checked ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white hover:border-slate-300"
              } ${option.value === null ? "border-dashed" : ""}`}
            >
              <input
                id={id}
                type="radio"
                name={question.field}
                value={String(option.value)}
                checked={checked}
                onChange={() => onChange(option.value)}
                aria-labelledby={`${id}-label`}
                aria-describedby={option.help ? `${id}-help` : undefined}
                className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600 focus-visible:outline-none"
              />
              <span>
                <span id={`${id}-label`} className="font-medium text-slate-900">
                  {option.label}
                </span>
                {option.help ? (
                  <span id={`${id}-help`} className="block text-xs text-slate-600">
                    {option.help}
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
      <QuestionError field={question.field} message={error} />
    </fieldset>
  );
}
