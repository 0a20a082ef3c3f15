import { describe, expect, it } from "vitest";
import {
  formatDurationMs,
  formatDurationSeconds,
  formatMegabytes,
  formatNumber,
  formatPercent,
  formatRps,
  formatUsd,
  roundSig,
  roundTo,
} from "~/engine";

/** The `steps`-th double below (negative) or above x. */
function nextDouble(x: number, steps: number): number {
  const f = new Float64Array([x]);
  new BigInt64Array(f.buffer)[0]! += BigInt(steps);
  return f[0]!;
}

describe("rounding", () => {
  it("rounds to decimal places, never to negative zero, and leaves non-finite values alone", () => {
    expect(roundTo(1234.5678, 2)).toBe(1234.57);
    expect(roundTo(2.45, 1)).toBe(2.5);
    expect(roundTo(1234.5678, 0)).toBe(1235);
    expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true); // Intl prints -0 as "-0"
    expect(roundTo(Infinity, 2)).toBe(Infinity);
    expect(roundTo(NaN, 2)).toBeNaN();
  });

  it("rounds to significant digits at every magnitude", () => {
    expect(roundSig(123_456, 2)).toBe(120_000);
    expect(roundSig(987.65, 3)).toBe(988);
    expect(roundSig(-987.65, 3)).toBe(-988);
    expect(roundSig(999.96, 3)).toBe(1_000);
    expect(roundSig(0.0012345, 3)).toBe(0.00123);
    expect(roundSig(1.234e-21, 2)).toBe(1.2e-21); // scaled by exactly 10^22
    expect(roundSig(1.23456e-30, 3)).toBe(1.23e-30);
    expect(roundSig(1.23456e30, 3)).toBe(1.23e30);
    expect(roundSig(4.5678e22, 2)).toBe(4.6e22); // divided by exactly 10^21
    expect(Object.is(roundSig(-0, 3), 0)).toBe(true);
    expect(Object.is(roundSig(-1e-300, 1), -1e-300)).toBe(true);
    expect(roundSig(-Infinity, 3)).toBe(-Infinity);
    expect(roundSig(NaN, 3)).toBeNaN();
  });

  it("agrees with toPrecision around every power of ten it scales by exactly", () => {
    for (let k = -22; k <= 22; k++) {
      for (const steps of [-3, -1, 0, 1, 3]) {
        const x = nextDouble(10 ** k, steps);
        for (const digits of [1, 2, 4, 8, 12]) expect(roundSig(x, digits)).toBe(Number(x.toPrecision(digits)));
      }
    }
  });
});

describe("numbers in words", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1_000, "1,000"],
    [12_345, "12,345"],
    [100_000, "100,000"],
    [1_234_567.891, "1,234,567.89"],
    [1.5, "1.5"],
    [2.0001, "2"],
    [1_234.001, "1,234"],
    [0.1, "0.1"],
    [-1_234.5, "-1,234.5"],
    [-0.001, "0"],
    [Infinity, "∞"],
    [-Infinity, "-∞"],
    [NaN, "n/a"],
    [1e21, "1.000e+21"],
    [-2.5e22, "-2.500e+22"],
  ])("formatNumber(%d) is %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it("keeps at most the fraction digits asked for", () => {
    expect(formatNumber(3.14159, 4)).toBe("3.1416");
    expect(formatNumber(1_234.5, 0)).toBe("1,235");
    expect(formatNumber(0.000_4, 3)).toBe("0");
  });

  it("prints dollars without cents from $100 up, with cents below", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(12.5)).toBe("$12.50");
    expect(formatUsd(99.5)).toBe("$99.50");
    expect(formatUsd(100)).toBe("$100");
    expect(formatUsd(1_234.5)).toBe("$1,235");
    expect(formatUsd(-5)).toBe("-$5.00");
    expect(formatUsd(-2_500)).toBe("-$2,500");
    expect(formatUsd(null)).toBe("unknown");
    expect(formatUsd(NaN)).toBe("unknown");
  });

  it.each([
    [1.25, "1.25 ms"],
    [12.34, "12.3 ms"],
    [123.4, "123 ms"],
    [999, "999 ms"],
    [1_000, "1 s"],
    [1_250, "1.25 s"],
    [12_345, "12.3 s"],
    [59_000, "59 s"],
    [60_000, "1 min"],
    [90_000, "1.5 min"],
    [720_000, "12 min"],
    [3_600_000, "1 h"],
    [12_600_000, "3.5 h"],
    [171_000_000, "47.5 h"],
    [172_800_000, "2 d"],
    [259_200_000, "3 d"],
    [-2_500, "-2.5 s"],
  ])("formatDurationMs(%d) is %s", (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });

  it("says unknown for durations it does not have", () => {
    expect(formatDurationMs(null)).toBe("unknown");
    expect(formatDurationMs(Infinity)).toBe("unknown");
    expect(formatDurationSeconds(null)).toBe("unknown");
    expect(formatDurationSeconds(90)).toBe("1.5 min");
  });

  it("never writes a duration asked in seconds in milliseconds (issue 13: \"0 ms staleness\" for 0 s typed)", () => {
    expect(formatDurationSeconds(0)).toBe("0 s");
    expect(formatDurationSeconds(0.5)).toBe("0.5 s");
    expect(formatDurationSeconds(30)).toBe("30 s");
  });

  it.each([
    [0, "0 MB"],
    // Never below MB, the questionnaire's unit for payloads (issue 13: the form said 0.005 MB, the flips 5 KB).
    [0.5, "0.5 MB"],
    [0.0015, "0.0015 MB"],
    [0.005, "0.005 MB"],
    [-0.5, "-0.5 MB"],
    [1, "1 MB"],
    [6, "6 MB"],
    [999.5, "999.5 MB"],
    [1_000, "1 GB"],
    [1_500, "1.5 GB"],
    [12_345.678, "12.35 GB"],
  ])("formatMegabytes(%d) is %s", (mb, text) => {
    expect(formatMegabytes(mb)).toBe(text);
  });

  it("prints percentages, request rates and unknowns", () => {
    expect(formatPercent(0.125)).toBe("13%");
    expect(formatPercent(0.125, 1)).toBe("12.5%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatRps(0.1234)).toBe("0.123 req/s");
    expect(formatRps(1)).toBe("1 req/s");
    expect(formatRps(1.25)).toBe("1.3 req/s");
    expect(formatRps(1_234.56)).toBe("1,234.6 req/s");
    for (const format of [formatMegabytes, formatPercent, formatRps]) {
      expect(format(null)).toBe("unknown");
      expect(format(NaN)).toBe("unknown");
    }
  });
});
