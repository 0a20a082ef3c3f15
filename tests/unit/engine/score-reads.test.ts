import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWER_FIELDS, DEFAULT_PRICES, EXAMPLE_ANSWERS, type AnswerField, type Answers } from "~/engine";
import { createState, encodeAnswers, Recorder, type EvalState } from "~/engine/score";
import { computeEstimates, ESTIMATES, type Estimate } from "~/engine/score/estimates";
import { applySections, SECTIONS } from "~/engine/score/rules";
import { answersArb } from "./arbitraries";

// FIELD_SECTIONS (which sections a probe re-runs when one answer changes) is derived from what each
// section and estimate declares it reads. A read left undeclared would make probes use stale sums
// silently, so run each one alone over proxies that record what it reads: the encoded answers,
// and the estimates' figures (attributed to the estimate that writes them). The declarations must
// match the recorded reads exactly: nothing undeclared, nothing stale. Only the fast path (no
// recorder) is recorded: partial re-evaluation is fast-path only; the explained path always runs
// every section and may read more (names of moving parts, figures for messages).

interface Seen {
  answers: Set<AnswerField>;
  /** Figures read before this one wrote them (so: written by someone else). */
  figures: Set<string>;
  written: Set<string>;
}
const seen = (): Seen => ({ answers: new Set(), figures: new Set(), written: new Set() });
const isIndex = (k: string | symbol): k is string => typeof k === "string" && /^\d+$/.test(k);

/** The state with its answers and estimates behind recording proxies (the sums are shared). */
function recording(st: EvalState, s: Seen): EvalState {
  const x = new Proxy(st.x, {
    get(t, k, r) {
      if (isIndex(k)) s.answers.add(ANSWER_FIELDS[Number(k)]!);
      return Reflect.get(t, k, r);
    },
  });
  const figure = (k: string) => {
    if (!s.written.has(k)) s.figures.add(k);
  };
  const est = new Proxy(st.est, {
    get(t, k, r) {
      const v: unknown = Reflect.get(t, k, r);
      if (typeof k !== "string") return v;
      if (!Array.isArray(v)) {
        figure(k);
        return v;
      }
      // Per-strategy figures (cost, p99Ms, ...): an element read is a read, an element write a write.
      return new Proxy(v, {
        get(a, i, ar) {
          if (isIndex(i)) figure(k);
          return Reflect.get(a, i, ar);
        },
        set(a, i, val, ar) {
          s.written.add(k);
          return Reflect.set(a, i, val, ar);
        },
      });
    },
    set(t, k, v, r) {
      if (typeof k === "string") s.written.add(k);
      return Reflect.set(t, k, v, r);
    },
  });
  return { ...st, x, est };
}

function merge(into: Seen, from: Seen): void {
  from.answers.forEach((f) => into.answers.add(f));
  from.figures.forEach((f) => into.figures.add(f));
  from.written.forEach((f) => into.written.add(f));
}

/** Over examples and generated answer sets: what each estimate and each section read. */
function record(corpus: readonly Answers[]) {
  const estimates = new Map<Estimate, Seen>(ESTIMATES.map((e) => [e, seen()]));
  const sections = SECTIONS.map(() => seen());
  for (const a of corpus) {
    const st = createState(encodeAnswers(a), { ...DEFAULT_PRICES }, null);
    for (const e of ESTIMATES) {
      const s = seen();
      e.compute(recording(st, s)); // in order: later estimates read earlier ones' figures
      merge(estimates.get(e)!, s);
    }
    SECTIONS.forEach((section, k) => {
      const s = seen();
      applySections(recording(st, s), section.bit); // this section alone
      merge(sections[k]!, s);
    });
  }
  // Which estimate writes each figure (each figure has one writer).
  const writer = new Map<string, Estimate>();
  for (const [e, s] of estimates)
    for (const f of s.written) {
      expect(writer.get(f) ?? e, `figure ${f} is written by two estimates`).toBe(e);
      writer.set(f, e);
    }
  const users = (s: Seen) => new Set([...s.figures].map((f) => writer.get(f)?.name ?? `(no estimate writes ${f})`));
  return { estimates, sections, users };
}

const sorted = <T,>(xs: Iterable<T>) => [...xs].map(String).sort();
const corpus: Answers[] = [...Object.values(EXAMPLE_ANSWERS).map((e) => e.answers), ...fc.sample(answersArb, { numRuns: 600, seed: 11 })];

describe("declared reads of the scoring sections and estimates", () => {
  const { estimates, sections, users } = record(corpus);

  it("each estimate declares exactly the answers it reads, and the estimates it builds on", () => {
    for (const [e, s] of estimates) {
      expect(sorted(e.reads), `answers read by the ${e.name} estimate`).toEqual(sorted(s.answers));
      expect(sorted(e.uses.map((u) => u.name)), `estimates read by the ${e.name} estimate`).toEqual(sorted(users(s)));
      for (const u of e.uses) expect(ESTIMATES.indexOf(u), `${u.name} is computed before ${e.name}`).toBeLessThan(ESTIMATES.indexOf(e));
    }
  });

  it("each section declares exactly the answers and the estimates it reads (fast path)", () => {
    SECTIONS.forEach((section, k) => {
      const s = sections[k]!;
      expect(sorted(section.reads), `answers read by the ${section.name} section`).toEqual(sorted(s.answers));
      expect(sorted(section.estimates.map((e) => e.name)), `estimates read by the ${section.name} section`).toEqual(sorted(users(s)));
      expect(sorted(s.written), `the ${section.name} section writes no estimate`).toEqual([]);
    });
  });

  it("computeEstimates computes ESTIMATES in their order (the order the reads were recorded in)", () => {
    for (const a of corpus.slice(0, 100))
      for (const rec of [null, new Recorder()]) {
        const all = createState(encodeAnswers(a), { ...DEFAULT_PRICES }, rec);
        const inOrder = createState(encodeAnswers(a), { ...DEFAULT_PRICES }, rec);
        computeEstimates(all);
        for (const e of ESTIMATES) e.compute(inOrder);
        expect(all.est).toEqual(inOrder.est);
      }
  });

  it("sections have one bit each, in order", () => {
    expect(SECTIONS.map((s) => s.bit)).toEqual(SECTIONS.map((_, k) => 1 << k));
  });

  it("would notice an undeclared read", () => {
    // The recorder itself: a read through the proxies is seen.
    const st = createState(encodeAnswers(corpus[0]!), { ...DEFAULT_PRICES }, null);
    const s = seen();
    const probe = recording(st, s);
    const i = ANSWER_FIELDS.indexOf("payloadMB");
    expect(probe.x[i]).toBe(st.x[i]);
    expect(probe.est.cost[2]).toBe(st.est.cost[2]);
    expect([...s.answers]).toEqual(["payloadMB"]);
    expect([...s.figures]).toEqual(["cost"]);
  });
});
