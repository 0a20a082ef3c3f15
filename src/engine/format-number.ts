/**
 * Numbers, money and percentages (./format re-exports them): apart, so a table in the browser
 * that shows only these loads none of the engine's other formatting.
 */

/** `1234567.891` -> `1,234,567.89`. */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(n)) return n > 0 ? "∞" : n < 0 ? "-∞" : "n/a";
  const abs = Math.abs(n);
  if (abs >= 1e21) return n.toExponential(3);
  // Integers (most costs, counts and durations) print the same without toFixed, faster.
  let s = Number.isInteger(abs) ? String(abs) : abs.toFixed(maxFractionDigits);
  let dot = s.indexOf(".");
  if (dot !== -1) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48) end--; // trailing zeros
    if (end - 1 === dot) end--; // bare dot
    s = s.slice(0, end);
    if (end <= dot) dot = -1;
  }
  const int = dot === -1 ? s : s.slice(0, dot);
  const frac = dot === -1 ? "" : s.slice(dot);
  let grouped = int;
  if (int.length > 3) {
    grouped = "";
    const head = int.length % 3;
    if (head > 0) grouped = int.slice(0, head);
    for (let i = head; i < int.length; i += 3) grouped += (grouped === "" ? "" : ",") + int.slice(i, i + 3);
  }
  const neg = n < 0 && s !== "0";
  return (neg ? "-" : "") + grouped + frac;
}

/** `$1,234` (no cents from $100 up), `$12.50` below. */
export function formatUsd(usd: number | null): string {
  if (usd === null || !Number.isFinite(usd)) return "unknown";
  const abs = Math.abs(usd);
  const body = abs >= 100 ? formatNumber(Math.round(abs), 0) : abs.toFixed(2);
  return (usd < 0 ? "-$" : "$") + body;
}

export function formatPercent(fraction: number | null, digits = 0): string {
  if (fraction === null || !Number.isFinite(fraction)) return "unknown";
  return `${formatNumber(fraction * 100, digits)}%`;
}
