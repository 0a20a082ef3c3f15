import { ANSWER_FIELDS, type Answers } from "~/engine";

/** All answers unknown except the consumer, then the given overrides. */
export function answers(overrides: Partial<Answers> = {}): Answers {
  const a = Object.fromEntries(ANSWER_FIELDS.map((f) => [f, null])) as unknown as Answers;
  return { ...a, consumer: "service-request", ...overrides };
}
