// The unit project alone, for `npm run test:mutation` (stryker.config.mjs): Stryker's vitest
// runner has no option to pick one project of vitest.config.ts.
import { configDefaults, defineConfig } from "vitest/config";
import { unitProject } from "./vitest.config";

export default defineConfig({
  ...unitProject,
  test: {
    ...unitProject.test,
    // The CLI test runs the engine in child processes, where no mutant is active: it costs
    // seconds per mutant and tests the script, which is not mutated.
    exclude: [...configDefaults.exclude, "tests/unit/engine/cli.test.ts"],
  },
});
