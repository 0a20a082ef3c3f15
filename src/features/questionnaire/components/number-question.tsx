"use client";

import { useState, type ReactNode } from "react";
import { parseQuestionQuantity } from "~/engine/quantity";
import type { Question } from "~/engine/questionnaire";
import { describedBy, QuestionError } from "./question-text";

/**
 * A numeric question as a text box that accepts units as people type them (`250 ms`, `2 s`,
 * `1.5 GB`) and shows the value it reads, plus an explicit "I don't know".
 */
export function NumberQuestion({
  question,
  intro,
  text,
  value,
  error,
  showErrors,
  onTextChange,
  onDontKnow,
}: {
  question: Question;
  /** Its label, help and example, rendered on the server (QuestionIntro). */
  intro: ReactNode;
  text: string;
  value: number | null | undefined;
  error: string | undefined;
  showErrors: boolean;
  onTextChange: (text: string) => void;
  onDontKnow: (dontKnow: boolean) => void;
}) {
  const [blurred, setBlurred] = useState(false);
  const field = question.field;
  const dontKnow = value === null;
  const parsed = text.trim() && !dontKnow ? parseQuestionQuantity(question, text) : null;
  const shownError = error && (blurred || showErrors || !parsed) ? error : undefined;
  // The canonical unit sits in the box until the person types a unit of their own.
  const unit = /[^\d\s.,+-]/.test(text) ? null : question.unit?.symbol;
  return (
    <div role="group" aria-labelledby={`q-${field}-label`}>
      {intro}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="relative w-full max-w-xs">
          <input
            id={`q-${field}`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={dontKnow ? "" : text}
            disabled={dontKnow}
            placeholder={dontKnow ? "Unknown" : undefined}
            onChange={(e) => {
              setBlurred(false);
              onTextChange(e.target.value);
            }}
            onBlur={() => setBlurred(true)}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={describedBy(field, shownError, `q-${field}-reads`)}
            className={`block w-full rounded-md border-0 py-2 pl-3 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 aria-[invalid=true]:ring-red-500 ${unit ? "pr-16" : "pr-3"}`}
          />
          {unit ? (
            <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-slate-500">
              {unit}
            </span>
          ) : null}
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={dontKnow} onChange={(e) => onDontKnow(e.target.checked)} className="h-4 w-4 accent-brand-600" />
          I don&apos;t know
        </label>
      </div>
      <p id={`q-${field}-reads`} className="mt-1 min-h-5 text-sm text-slate-600">
        {parsed?.ok ? (
          <>
            Reads as <strong className="font-semibold text-slate-900">{parsed.normalised}</strong>
          </>
        ) : dontKnow ? (
          "Marked as unknown: the recommendation will say how much this matters."
        ) : (
          <>Unit: {question.unit ? question.unit.name : "none"}</>
        )}
      </p>
      <QuestionError field={field} message={shownError} />
    </div>
  );
}
