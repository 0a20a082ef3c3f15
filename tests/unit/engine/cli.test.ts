import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { assess, assessmentSchema, EXAMPLE_ANSWERS, questionnaire } from "~/engine";

const root = resolve(__dirname, "../../..");
const tsx = join(root, "node_modules/.bin/tsx");

function run(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, ["scripts/engine-cli.ts", ...args], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

describe("engine CLI", { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "servewise-engine-"));
  const good = join(dir, "fraud.json");
  writeFileSync(good, JSON.stringify(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers));
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ ...EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers, latencyBudgetMs: -5, peakRequestsPerSecond: 1 }));
  const notJson = join(dir, "not.json");
  writeFileSync(notJson, "{ nope");

  it("scores a file, stdin, and reports errors with exit code 2", async () => {
    const [file, stdin, minimal, invalid, garbage, missing, unknown, questions] = await Promise.all([
      run(["score", good]),
      run(["score", "-"], JSON.stringify(EXAMPLE_ANSWERS["daily-sales-forecast"]!.answers)),
      run(["score", "-"], '{"consumer":"report"}'),
      run(["score", bad]),
      run(["score", notJson]),
      run(["score", join(dir, "missing.json")]),
      run(["frobnicate"]),
      run(["questions"]),
    ]);

    expect(file.code).toBe(0);
    const parsed = JSON.parse(file.stdout);
    expect(assessmentSchema.safeParse(parsed).success).toBe(true);
    expect(file.stdout).toBe(JSON.stringify(assess(EXAMPLE_ANSWERS["fraud-detection-checkout"]!.answers), null, 2) + "\n");
    expect(parsed.recommended).toBe("realtime");

    expect(stdin.code).toBe(0);
    expect(JSON.parse(stdin.stdout).recommended).toBe("batch");

    // omitted answers are unknown: only the consumer is required
    expect(minimal.code).toBe(0);
    const m = JSON.parse(minimal.stdout);
    expect(assessmentSchema.safeParse(m).success).toBe(true);
    expect(m.confidence.level).toBe("low");
    expect(m.unknownFields).toHaveLength(20);
    expect(m.warnings.some((w: { kind: string }) => w.kind === "unknown")).toBe(true);

    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toMatch(/latencyBudgetMs: /);
    expect(invalid.stderr).toMatch(/peakRequestsPerSecond: /);

    expect(garbage.code).toBe(2);
    expect(garbage.stderr.trim().split("\n")).toHaveLength(1);
    expect(garbage.stderr).toMatch(/not valid JSON/);

    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/cannot read/);

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage:/);

    expect(questions.code).toBe(0);
    expect(JSON.parse(questions.stdout).steps).toEqual(JSON.parse(JSON.stringify(questionnaire)));
  });
});
