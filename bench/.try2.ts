import { EXAMPLE_ANSWERS, assess } from "~/engine";
import * as W from "~/engine/whatif";
for (const [k, e] of Object.entries(EXAMPLE_ANSWERS)) {
  const before = W.probeCount;
  const a = assess(e.answers);
  const probes = W.probeCount - before;
  for (let i = 0; i < 300; i++) assess(e.answers);
  let t = performance.now(); for (let i = 0; i < 2000; i++) assess(e.answers);
  const as = ((performance.now() - t) / 2000 * 1000);
  t = performance.now(); for (let i = 0; i < 5000; i++) assess(e.answers, {flips:false});
  const nf = ((performance.now() - t) / 5000 * 1000);
  console.log(k.padEnd(26), a.recommended.padEnd(9), "probes", probes, as.toFixed(1), "us assess;", nf.toFixed(1), "us noflips");
}
