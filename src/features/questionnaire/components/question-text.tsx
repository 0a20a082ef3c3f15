import type { Question } from "~/engine/questionnaire";
import { exampleText } from "../answers";

/** Help, example and error of a question, with the ids its control points to. */
export function QuestionHelp({ question }: { question: Question }) {
  return (
    <div id={`q-${question.field}-help`} className="mt-1 text-sm text-slate-600">
      <p>{question.help}</p>
      <p className="text-xs text-slate-500">{exampleText(question)}</p>
    </div>
  );
}

export function QuestionError({ field, message }: { field: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`q-${field}-error`} className="mt-1 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** The ids of the help and (when shown) the error, for aria-describedby. */
export function describedBy(field: string, error: string | undefined, ...more: string[]): string {
  return [`q-${field}-help`, ...more, error ? `q-${field}-error` : null].filter(Boolean).join(" ");
}
