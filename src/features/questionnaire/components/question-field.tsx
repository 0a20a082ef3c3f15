import type { Question } from "~/engine/questionnaire";
import type { AnswerValue } from "../answers";
import { ChoiceQuestion } from "./choice-question";
import { NumberQuestion } from "./number-question";
import type { QuestionTexts } from "./question-texts";

interface QuestionFieldProps {
  question: Question;
  /** Its words, rendered on the server. */
  texts: QuestionTexts;
  value: AnswerValue | undefined;
  text: string;
  error: string | undefined;
  showErrors: boolean;
  onChange: (value: AnswerValue | undefined) => void;
  onTextChange: (text: string) => void;
}

/** One question of the engine's questionnaire, rendered by its kind. */
export function QuestionField({ question, texts, value, text, error, showErrors, onChange, onTextChange }: QuestionFieldProps) {
  if (question.kind === "number" || question.kind === "integer") {
    return (
      <NumberQuestion
        question={question}
        intro={texts.intro}
        text={text}
        value={typeof value === "number" || value === null ? value : undefined}
        error={error}
        showErrors={showErrors}
        onTextChange={onTextChange}
        onDontKnow={(dontKnow) => onChange(dontKnow ? null : undefined)}
      />
    );
  }
  return <ChoiceQuestion question={question} texts={texts} value={value} error={error} onChange={onChange} />;
}
