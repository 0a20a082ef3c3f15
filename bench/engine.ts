/**
 * Strategy engine benchmark. Prints, from one run on this machine:
 *  - the baseline: parsing the same answer sets with the zod schema alone (µs per parse);
 *  - a whole assessment with flips: assessments/second, median µs, ratio to the baseline;
 *  - bulk re-scoring: 100,000 stored answer sets with flips off, total seconds;
 * and checks them against the targets (<= 50x the parse, < 200 µs median, 100k re-scores < 5 s).
 * Exit code 1 if a target is missed (so CI can run it), 0 otherwise.
 */
import fc from "fast-check";
import { answersSchema, assess, EXAMPLE_ANSWERS, type Answers } from "~/engine";
import { answersArb } from "../tests/unit/engine/arbitraries";

const SAMPLE = 400;
// Deterministic corpus: the worked examples plus generated plausible answer sets.
const corpus: Answers[] = [
  ...Object.values(EXAMPLE_ANSWERS).map((e) => e.answers),
  ...fc.sample(answersArb, { numRuns: SAMPLE, seed: 42 }),
];
const raw: unknown[] = corpus.map((a) => JSON.parse(JSON.stringify(a)));

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median µs per call over `rounds` timed passes through the corpus (after a warm-up pass). */
function timePerCall(fn: (i: number) => void, rounds: number): { medianUs: number; perPassUs: number[] } {
  for (let w = 0; w < 2; w++) for (let i = 0; i < corpus.length; i++) fn(i);
  const perCall: number[] = [];
  const perPassUs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const passStart = performance.now();
    for (let i = 0; i < corpus.length; i++) {
      const t0 = performance.now();
      fn(i);
      perCall.push((performance.now() - t0) * 1000);
    }
    perPassUs.push(((performance.now() - passStart) * 1000) / corpus.length);
  }
  return { medianUs: medianOf(perCall), perPassUs };
}

/** Mean µs per call in tight loops (timer overhead amortised), median of several passes. */
function meanPerCall(fn: (i: number) => void, passes: number, repeat: number): number {
  for (let i = 0; i < corpus.length; i++) fn(i);
  const results: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (let k = 0; k < repeat; k++) for (let i = 0; i < corpus.length; i++) fn(i);
    results.push(((performance.now() - t0) * 1000) / (repeat * corpus.length));
  }
  return medianOf(results);
}

let sink = 0;
const parseUs = meanPerCall((i) => {
  sink += answersSchema.parse(raw[i]).consumer.length;
}, 7, 20);
const assessMeanUs = meanPerCall((i) => {
  sink += assess(corpus[i]!).ranking.length;
}, 5, 2);
const { medianUs: assessMedianUs } = timePerCall((i) => {
  sink += assess(corpus[i]!).flips.length;
}, 3);
const perSecond = 1e6 / assessMeanUs;
const ratio = assessMeanUs / parseUs;

// Bulk re-score: 100,000 stored answer sets (validated, then assessed with flips off).
const N = 100_000;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const a = answersSchema.parse(raw[i % raw.length]);
  sink += assess(a, { flips: false }).ranking.length;
}
const bulkS = (performance.now() - t0) / 1000;

const fmt = (x: number, d = 1) => x.toFixed(d);
const targets = [
  { name: "whole assessment <= 50x schema parse", ok: ratio <= 50, value: `${fmt(ratio)}x` },
  { name: "median assessment < 200 µs", ok: assessMedianUs < 200, value: `${fmt(assessMedianUs)} µs` },
  { name: "100,000 re-scores (flips off) < 5 s", ok: bulkS < 5, value: `${fmt(bulkS, 2)} s` },
];
console.log(`strategy engine benchmark (${corpus.length} answer sets: ${Object.keys(EXAMPLE_ANSWERS).length} examples + ${SAMPLE} generated)`);
console.log(`  baseline  zod parse of the same answers: ${fmt(parseUs, 2)} µs per parse`);
console.log(`  assess    with flips: ${fmt(perSecond, 0)} assessments/s, mean ${fmt(assessMeanUs)} µs, median ${fmt(assessMedianUs)} µs, ${fmt(ratio)}x the parse`);
console.log(`  re-score  ${N.toLocaleString("en-US")} stored answer sets, parse + assess with flips off: ${fmt(bulkS, 2)} s (${fmt((bulkS * 1e6) / N)} µs each)`);
for (const t of targets) console.log(`  ${t.ok ? "PASS" : "MISS"}  ${t.name}: ${t.value}`);
if (sink === -1) console.log(sink);
process.exitCode = targets.every((t) => t.ok) ? 0 : 1;
