import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "~": fileURLToPath(new URL("./src", import.meta.url)),
  // `server-only` throws outside React Server Components; tests are server code.
  "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
};

/** The unit project: pure code, no database. Also the one mutation testing runs (vitest.mutation.config.ts). */
export const unitProject = {
  resolve: { alias },
  test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      unitProject,
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // The export scale test measures retained memory, collecting garbage between samples.
          execArgv: ["--expose-gc"],
        },
      },
      {
        // Through HTTP against the production build (`npm test` runs these after `next build`):
        // real sessions, real concurrency, several processes, the newcomer's `npm start`.
        resolve: { alias },
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
