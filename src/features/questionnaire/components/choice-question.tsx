import type { Question } from "~/engine/questionnaire";
import type { AnswerValue } from "../answers";
import { describedBy, QuestionError } from "./question-text";
import { optionValues, type QuestionTexts } from "./question-texts";

/**
 * An enum or yes/no question as a radio group, with an explicit "I don't know" unless required.
 * Its words (legend, help, each option's label and help) come rendered from the server (`texts`:
 * ./question-texts); this draws the radios and their state around them.
 */
export function ChoiceQuestion({
  question,
  texts,
  value,
  error,
  onChange,
}: {
  question: Question;
  texts: QuestionTexts;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const options = optionValues(question);
  const inline = question.kind === "boolean";
  return (
    <fieldset aria-describedby={describedBy(question.field, error)} aria-invalid={error ? true : undefined}>
      {texts.intro}
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
              <span>{texts.options[index]}</span>
            </label>
          );
        })}
      </div>
      <QuestionError field={question.field} message={error} />
    </fieldset>
  );
}
