import type { Question } from "~/engine/questionnaire";
import { exampleText } from "../answers";
import { optionValues, type QuestionTexts } from "./question-texts";

const DONT_KNOW = { label: "I don't know", help: "Counts as unknown: lowers the confidence" };

/**
 * A question's words for the form (./question-texts), rendered on the server: its text and the
 * example's formatting are no part of the page's JavaScript.
 */
export function questionTexts(question: Question): QuestionTexts {
  // The radios ChoiceQuestion draws (optionValues: the options, then "I don't know" unless required), one text each.
  const choice = question.kind !== "number" && question.kind !== "integer";
  const options = choice ? optionValues(question).map(({ value }, index) => (value === null ? DONT_KNOW : question.options![index]!)) : [];
  return {
    intro: <QuestionIntro question={question} />,
    options: options.map((option, index) => <OptionText key={index} id={`q-${question.field}-${index}`} label={option.label} help={option.help} />),
  };
}

/**
 * What a question says before its answer: its label (a choice question's legend, a numeric
 * question's label for its text box), its help and its example, with the ids its controls point
 * to. ChoiceQuestion renders it first in its fieldset, so the legend is the fieldset's first child.
 */
function QuestionIntro({ question }: { question: Question }) {
  const field = question.field;
  const numeric = question.kind === "number" || question.kind === "integer";
  return (
    <>
      {numeric ? (
        <label id={`q-${field}-label`} htmlFor={`q-${field}`} className="text-sm font-semibold text-slate-900">
          {question.label}
        </label>
      ) : (
        <legend className="text-sm font-semibold text-slate-900">
          {question.label}
          {question.required ? <span className="font-normal text-slate-600"> (required)</span> : null}
        </legend>
      )}
      <div id={`q-${field}-help`} className="mt-1 text-sm text-slate-600">
        <p>{question.help}</p>
        <p className="text-xs text-slate-500">{exampleText(question)}</p>
      </div>
    </>
  );
}

/** One option's label and help, with the ids its radio (`id`) points to. */
function OptionText({ id, label, help }: { id: string; label: string; help: string | undefined }) {
  return (
    <>
      <span id={`${id}-label`} className="font-medium text-slate-900">
        {label}
      </span>
      {help ? (
        <span id={`${id}-help`} className="block text-xs text-slate-600">
          {help}
        </span>
      ) : null}
    </>
  );
}
