import { EXAMPLE_ANSWERS, DEFAULT_PRICES } from "~/engine";
import { createState, encodeAnswers, evaluate } from "~/engine/score";
const st = createState(encodeAnswers(EXAMPLE_ANSWERS["offline-keyboard"]!.answers), DEFAULT_PRICES, null);
for (let i = 0; i < 1000000; i++) evaluate(st);
