import type { ReactNode } from "react";
import type { Question } from "~/engine/questionnaire";
import type { AnswerValue } from "../answers";

/**
 * A question's words, rendered on the server (./question-intro) and handed to the form, so their
 * text and markup are no part of the page's JavaScript: `intro` (label or legend, help,
 * example) and, for a choice question, each option's label and help in `optionValues` order.
 */
export interface QuestionTexts {
  intro: ReactNode;
  options: ReactNode[];
}

/**
 * The answers a choice question offers, in order, and whether each has help (its radio points to
 * it): the question's options, then "I don't know" (null) unless the question is required.
 */
export function optionValues(question: Question): { value: AnswerValue; help: boolean }[] {
  const options = (question.options ?? []).map((o) => ({ value: o.value, help: Boolean(o.help) }));
  return question.required ? options : [...options, { value: null, help: true }];
}
