#!/usr/bin/env node
// `npm test`: installs what it needs, then runs lint, typecheck, unit + integration tests
// (Vitest, real PostgreSQL), the production build and the browser tests (Playwright in
// Debian's Chromium), and ends with one line: `N passed, N failed`.
// Databases: DATABASE_URL if set, else PostgreSQL on 127.0.0.1:5432 if it answers, else an
// embedded PostgreSQL in a temporary folder (SERVEWISE_TEST_DB=embedded forces that one); every
// run creates its own fresh databases and drops them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
process.chdir(root);
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
const scratch = mkdtempSync(join(tmpdir(), "servewise-test-"));
const results = [];

function section(title) {
  console.log(`\n\x1b[1m=== ${title} ===\x1b[0m`);
}

function run(command, args, extraEnv = {}) {
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status === 0;
}

function check(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  console.log(ok ? `✔ ${name}` : `✘ ${name}`);
}

const marker = join(root, "node_modules", ".package-lock.json");
if (!existsSync(marker) || statSync(join(root, "package-lock.json")).mtimeMs > statSync(marker).mtimeMs) {
  section("install (npm ci)");
  if (!run("npm", ["ci", "--no-audit", "--no-fund"])) {
    console.log("npm ci failed: nothing can be tested.\n0 passed, 1 failed");
    process.exit(1);
  }
}

section("prisma generate");
check("prisma client generated", run("npm", ["run", "--silent", "db:generate"]));

section("lint (eslint)");
check("lint", run(bin("eslint"), [".", "--max-warnings", "0"]));

section("typecheck (tsc)");
check("typecheck", run(bin("tsc"), ["--noEmit", "-p", "."]));

section("unit and integration tests (vitest)");
function vitest(name, projects) {
  const json = join(scratch, `${name}.json`);
  const args = ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${json}`];
  const ok = run(bin("vitest"), args);
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, "utf8"));
    const failedSuites = report.numFailedTestSuites ?? 0;
    results.push({ name, passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTests === 0 && !ok ? 1 : 0) });
    if (failedSuites > 0 && report.numFailedTests === 0) console.log(`${failedSuites} test file(s) failed to load.`);
  } else {
    check(`${name} ran`, false);
  }
}
vitest("vitest", ["unit", "integration"]);

section("production build (next build)");
const built = run(bin("next"), ["build"], { NODE_ENV: "production" });
check("next build", built);

section("system tests through HTTP (vitest: concurrency, two processes, the newcomer's npm start)");
if (built) vitest("system", ["system"]);
else {
  console.log("Skipped: the build failed.");
  check("system tests", false);
}

section("browser tests (playwright, chromium)");
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`Chromium not found at ${chromium}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  check("browser tests", false);
} else if (!built) {
  console.log("Skipped: the build failed.");
  check("browser tests", false);
} else {
  const pwJson = join(scratch, "playwright.json");
  const pwOk = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: pwJson, CHROMIUM_PATH: chromium });
  if (existsSync(pwJson)) {
    const stats = JSON.parse(readFileSync(pwJson, "utf8")).stats ?? {};
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    results.push({ name: "playwright", passed: stats.expected ?? 0, failed: failed + (failed === 0 && !pwOk ? 1 : 0) });
  } else {
    check("playwright ran", false);
  }
}

rmSync(scratch, { recursive: true, force: true });
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
section("summary");
for (const r of results) console.log(`  ${r.name.padEnd(26)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
