import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createCrlfRecordTerminator, neutralizeFormula } from "~/features/decision-log/format";

describe("formula neutralisation", () => {
  it.each(["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"])("prefixes %j with a quote", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });
  it("leaves ordinary text alone", () => {
    expect(neutralizeFormula("Fraud scorer = good")).toBe("Fraud scorer = good");
    expect(neutralizeFormula("")).toBe("");
  });
});

describe("CRLF record terminator", () => {
  it("ends records with CRLF but keeps line breaks inside quoted fields, across chunk boundaries", () => {
    const csv = 'a,b\n"line one\nline two",x\n"say ""hi""",y\n';
    const terminate = createCrlfRecordTerminator();
    const bytes = Buffer.from(csv);
    // Feed it in 3-byte chunks to cross every boundary.
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) out.push(terminate(bytes.subarray(i, i + 3)));
    const text = Buffer.concat(out).toString();
    expect(text).toBe('a,b\r\n"line one\nline two",x\r\n"say ""hi""",y\r\n');
    expect(parse(text, { columns: true })).toEqual([
      { a: "line one\nline two", b: "x" },
      { a: 'say "hi"', b: "y" },
    ]);
  });
});
