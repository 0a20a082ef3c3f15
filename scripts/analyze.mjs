#!/usr/bin/env node
// `npm run analyze`: every page's first-load JavaScript on the wire, per page and per script,
// measured in a fresh Chromium against the production build (tests/e2e/page-weight.spec.ts,
// the same check `npm test` runs against page-weight-budget.json). Builds first when there is
// no build, or with `--build`. For what a chunk holds (module by module), Next's own analyzer:
// `npx next analyze` (interactive) or `npx next analyze -o` then `npx next analyze export --route /`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
const run = (command, args, extra = {}) => spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extra } }).status ?? 1;

if (process.argv.includes("--build") || !existsSync(join(root, ".next", "BUILD_ID"))) {
  const status = run(bin("next"), ["build"], { NODE_ENV: "production" });
  if (status !== 0) process.exit(status);
}
process.exit(run(bin("playwright"), ["test", "tests/e2e/page-weight.spec.ts", "--workers=1", "--reporter=list"], { PAGE_WEIGHT_DETAIL: "1" }));
