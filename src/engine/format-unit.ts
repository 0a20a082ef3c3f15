/** A value in a question's unit, scaled up where exact (./format re-exports it): apart, for the questionnaire's form in the browser. */
import { formatNumber } from "./format-number";

/** Units a question's canonical unit may be scaled up to (factor: canonical units per unit), smallest first. */
const FAMILIES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  ms: [
    ["ms", 1],
    ["s", 1_000],
    ["min", 60_000],
    ["h", 3_600_000],
    ["d", 86_400_000],
  ],
  s: [
    ["s", 1],
    ["min", 60],
    ["h", 3_600],
    ["d", 86_400],
  ],
  MB: [
    ["MB", 1],
    ["GB", 1_000],
    ["TB", 1_000_000],
  ],
  GB: [
    ["GB", 1],
    ["TB", 1_000],
  ],
};

/** Decimals shown for a scaled-up unit: a larger unit is used only when it says the value exactly in these. */
const SCALED_DECIMALS = 3;

function exactIn(value: number, factor: number): boolean {
  const scaled = value / factor;
  const rounded = Math.round(scaled * 10 ** SCALED_DECIMALS) / 10 ** SCALED_DECIMALS;
  return Math.abs(rounded - scaled) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

/**
 * One rule for every quantity on a page: a number is written in its question's unit family,
 * never below the question's own unit (a payload asked in MB reads "0.005 MB", never "5 KB"; a
 * staleness asked in seconds reads "0 s", never "0 ms"), and scaled up only where the larger
 * unit says it exactly ("2 s" for 2,000 ms, but "86,000 s", not "23.889 h").
 *
 * A number given in a canonical unit (`ms`, `s`, `MB`, `GB`, `USD`, `%`, `req/s`, `h`, or "" for a
 * count), written in that unit's family: `150 ms`, `2 s`, `0 s`, `0.005 MB`, `1.5 GB`, `$2,000`, `60%`.
 */
export function formatInUnit(symbol: string, value: number): string {
  if (!Number.isFinite(value)) return "unknown";
  if (symbol === "USD") return `${value < 0 ? "-" : ""}$${formatNumber(Math.abs(value), 2)}`;
  if (symbol === "%") return `${formatNumber(value, 4)}%`;
  const family = FAMILIES[symbol];
  if (family && value !== 0) {
    const abs = Math.abs(value);
    for (let k = family.length - 1; k > 0; k--) {
      const [unit, factor] = family[k]!;
      if (abs >= factor && exactIn(abs, factor)) return `${formatNumber(value / factor, SCALED_DECIMALS)} ${unit}`;
    }
  }
  return symbol ? `${formatNumber(value, 6)} ${symbol}` : formatNumber(value, 6);
}
