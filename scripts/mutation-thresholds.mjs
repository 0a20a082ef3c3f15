/**
 * `npm run test:mutation`'s per-file check: Stryker's `thresholds.break` applies to the total
 * only, so this reads its JSON report and fails when any mutated file scores below the break.
 * Score as Stryker counts it: (killed + timed out) / (killed + timed out + survived + no coverage).
 */
import { readFileSync } from "node:fs";
import config from "../stryker.config.mjs";

const BREAK = config.thresholds.break;
const report = JSON.parse(readFileSync(config.jsonReporter.fileName, "utf8"));

let failed = 0;
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count("Killed", "Timeout");
  const valid = detected + count("Survived", "NoCoverage");
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const ok = score >= BREAK;
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${score.toFixed(2).padStart(6)}%  ${file}`);
}
if (failed > 0) {
  console.log(`${failed} file(s) below the mutation score of ${BREAK}%.`);
  process.exitCode = 1;
} else {
  console.log(`Every mutated file scores at least ${BREAK}%.`);
}
