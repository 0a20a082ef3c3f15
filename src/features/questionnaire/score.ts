import "server-only";
import { ANSWER_FIELDS, parseAnswers, type Answers, type DraftAnswers } from "~/engine";
import { completeAnswers } from "./answers";

/**
 * The saved draft as the engine scores it for the live recommendation: every unanswered
 * question as "I don't know", or null until `consumer` (the one required answer) is given.
 */
export function scorableAnswers(draft: DraftAnswers): Answers | null {
  if (draft.consumer == null) return null;
  const parsed = parseAnswers(completeAnswers(draft, ANSWER_FIELDS));
  return parsed.ok ? parsed.answers : null;
}
