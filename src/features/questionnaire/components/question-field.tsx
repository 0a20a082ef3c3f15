import type { Question } from "~/engine/questionnaire";
import type { AnswerValue } from "../answers";
import { ChoiceQuestion } from "./choice-question";
import { NumberQuestion } from "./number-question";

interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  text: string;
  error: string | undefined;
  showErrors: boolean;
  onChange: (value: AnswerValue | undefined) => void;
  onTextChange: (text: string) => void;
}

/** One question of the engine's questionnaire, rendered by its kind. */
export function QuestionField({ question, value, text, error, showErrors, onChange, onTextChange }: QuestionFieldProps) {
  if (question.kind === "number" || question.kind === "integer") {
    return (
      <NumberQuestion
        question={question}
        text={text}
        value={typeof value === "number" || value === null ? value : undefined}
        error={error}
        showErrors={showErrors}
        onTextChange={onTextChange}
        onDontKnow={(dontKnow) => onChange(dontKnow ? null : undefined)}
      />
    );
  }
  return <ChoiceQuestion question={question} value={value} error={error} onChange={onChange} />;
}
