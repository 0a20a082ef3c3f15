/** Pure, locale-independent formatting helpers (deterministic in browser and server). */
import { formatNumber } from "./format-number";

export { formatNumber, formatPercent, formatUsd } from "./format-number";
export { formatInUnit } from "./format-unit";

export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no -0
}

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(10 ** i); // exact doubles

/** Decimal exponent of |x| (x finite, non-zero), decided against exact powers of ten. */
// Stryker disable all: equivalent at up to 14 significant digits (the engine asks for at most 12): Math.log10 errs only
// just below a power of ten, where rounding gives that power whichever exponent is used (docs/mutation-testing.md)
function exponent10(abs: number): number {
  let e = Math.floor(Math.log10(abs));
  if (e >= -22 && e <= 21) {
    // correct for log10 rounding at exact powers of ten
    const p = e >= 0 ? POW10[e]! : 1 / POW10[-e]!;
    if (abs < p) e--;
    else if (e + 1 <= 22 && e + 1 >= 0 && abs >= POW10[e + 1]!) e++;
  }
  return e;
}
// Stryker restore all

/** Round to `digits` significant digits (fast, deterministic: integer rounding and one exact scaling). */
export function roundSig(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const e = exponent10(Math.abs(x));
  const p = digits - 1 - e;
  let r: number;
  if (p >= 0 && p <= 22) r = Math.round(x * POW10[p]!) / POW10[p]!;
  else if (p < 0 && -p <= 22) r = Math.round(x / POW10[-p]!) * POW10[-p]!;
  else r = Number(x.toPrecision(digits));
  return r === 0 ? 0 : r;
}

/** Human duration from milliseconds: `250 ms`, `2.5 s`, `12 min`, `3.5 h`, `2 d`. */
export function formatDurationMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "unknown";
  const abs = Math.abs(ms);
  if (abs < 1000) return `${formatNumber(ms, abs < 10 ? 2 : abs < 100 ? 1 : 0)} ms`;
  const s = ms / 1000;
  if (Math.abs(s) < 60) return `${formatNumber(s, Math.abs(s) < 10 ? 2 : 1)} s`;
  const min = s / 60;
  if (Math.abs(min) < 60) return `${formatNumber(min, 1)} min`;
  const h = min / 60;
  if (Math.abs(h) < 48) return `${formatNumber(h, 1)} h`;
  return `${formatNumber(h / 24, 1)} d`;
}

/** Human duration from seconds: never below seconds (`0 s`, `0.5 s`, `45 s`, `12 min`, `3.5 h`, `2 d`), as the questionnaire asks it. */
export function formatDurationSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "unknown";
  if (Math.abs(seconds) < 1) return `${formatNumber(seconds, 3)} s`;
  return formatDurationMs(seconds * 1000);
}

/** Sizes given in MB: `0.005 MB`, `6 MB`, `1.5 GB` (never below MB, the questionnaire's unit). Decimal units. */
export function formatMegabytes(mb: number | null): string {
  if (mb === null || !Number.isFinite(mb)) return "unknown";
  if (mb !== 0 && Math.abs(mb) < 1) return `${formatNumber(roundSig(mb, 3), 6)} MB`;
  if (Math.abs(mb) >= 1000) return `${formatNumber(mb / 1000, 2)} GB`;
  return `${formatNumber(mb, 2)} MB`;
}

export function formatRps(rps: number | null): string {
  if (rps === null || !Number.isFinite(rps)) return "unknown";
  return `${formatNumber(rps, rps < 1 ? 3 : 1)} req/s`;
}
