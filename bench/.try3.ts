import { EXAMPLE_ANSWERS, DEFAULT_PRICES } from "~/engine";
import * as W from "~/engine/whatif";
import { encodeAnswers, createState, evaluate, FIELD_INDEX } from "~/engine/score";
import { ANSWER_FIELDS } from "~/engine/answers";
for (const [k, e] of Object.entries(EXAMPLE_ANSWERS)) {
  const x = encodeAnswers(e.answers);
  const best = evaluate(createState(x, DEFAULT_PRICES, null));
  let b = W.probeCount;
  W.computeFlips(x, DEFAULT_PRICES, best);
  const fp = W.probeCount - b; b = W.probeCount;
  W.unknownInfluence(x, DEFAULT_PRICES, best, ANSWER_FIELDS.filter(f => (e.answers as any)[f] === null));
  console.log(k, "flip probes", fp, "unknown probes", W.probeCount - b);
}
