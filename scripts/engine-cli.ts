/**
 * Servewise strategy engine, scriptable.
 *
 *   npm run --silent engine -- score <file.json | ->   assessment JSON on stdout (exit 0)
 *   npm run --silent engine -- questions              questionnaire definition JSON
 *
 * Exit 2 on invalid answers (field errors on stderr), unreadable or non-JSON input
 * (one-line message) and unknown commands (usage on stderr).
 */
import { readFileSync } from "node:fs";
import { assess, ENGINE_VERSION, parseAnswers, questionnaire } from "~/engine";

const USAGE = `Servewise strategy engine ${ENGINE_VERSION}

Usage:
  npm run --silent engine -- score <answers.json | ->   print the assessment as JSON
  npm run --silent engine -- questions                  print the questionnaire definition as JSON

Options for score:
  --no-flips    skip the what-if analyses (faster)
`;

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith("\n") ? message : message + "\n");
  process.exit(code);
}

function readInput(source: string): string {
  try {
    return source === "-" ? readFileSync(0, "utf8") : readFileSync(source, "utf8");
  } catch (err) {
    const reason = err instanceof Error && "code" in err ? String((err as NodeJS.ErrnoException).code) : "read error";
    return fail(`error: cannot read ${source === "-" ? "standard input" : source} (${reason})`);
  }
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  if (command === "questions") {
    if (rest.length > 0) fail(USAGE);
    process.stdout.write(JSON.stringify({ engineVersion: ENGINE_VERSION, steps: questionnaire }, null, 2) + "\n");
    return;
  }
  if (command === "score") {
    const flags = rest.filter((a) => a.startsWith("--") && a !== "-");
    const positional = rest.filter((a) => !a.startsWith("--") || a === "-");
    const unknownFlags = flags.filter((f) => f !== "--no-flips");
    if (positional.length !== 1 || unknownFlags.length > 0) fail(USAGE);
    const source = positional[0]!;
    const text = readInput(source);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      fail(`error: ${source === "-" ? "standard input" : source} is not valid JSON (${err instanceof Error ? err.message.replace(/\s+/g, " ").trim() : "parse error"})`);
    }
    const parsed = parseAnswers(data);
    if (!parsed.ok) {
      const lines = ["error: invalid answers"];
      for (const m of parsed.formErrors) lines.push(`  ${m}`);
      for (const [field, messages] of Object.entries(parsed.fieldErrors)) for (const m of messages) lines.push(`  ${field}: ${m}`);
      fail(lines.join("\n"));
    }
    const assessment = assess(parsed.answers, { flips: !flags.includes("--no-flips") });
    process.stdout.write(JSON.stringify(assessment, null, 2) + "\n");
    return;
  }
  fail(command === undefined || command === "help" || command === "--help" ? USAGE : `error: unknown command "${command}"\n\n${USAGE}`);
}

main(process.argv.slice(2));
