// Mutation testing of the unit tests on the pure modules: `npm run test:mutation`.
// See docs/mutation-testing.md (what is mutated and why, the scores, the equivalent mutants).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // The unit project only: no database, no server.
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  // The pure modules whose unit tests are measured (docs/mutation-testing.md says why these).
  mutate: [
    // the workflows
    "src/features/decisions/workflow.ts",
    "src/features/review/workflow.ts",
    // audit hashing
    "src/server/audit.ts",
    // export formatting: the writers (CSV, formula neutralisation, JSON Lines) and the COPY
    // path's CSV helpers (features/decision-log/format.ts is an `as const` column table: no mutants)
    "src/lib/export/writers.ts",
    "src/server/export/copy-csv.ts",
    // the engine: its pure helpers (the rule tables and estimates take hours: see the doc)
    "src/engine/queueing.ts",
    "src/engine/format.ts",
    "src/engine/answer-text.ts",
    "src/engine/quantity.ts",
    "src/engine/prices.ts",
  ],
  // The sandbox needs only the sources, the tests and the configs they read.
  ignorePatterns: ["/*", "!/src", "!/tests", "!/package.json", "!/tsconfig.json", "!/prisma", "!/vitest.config.ts", "!/vitest.mutation.config.ts"],
  // The machine has 2 cores shared with others.
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: ".stryker-tmp",
};

export default config;
