import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT as port } from "./tests/e2e/support/server-info";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath: chromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

/**
 * Browser tests against the production build (`next build` first; `npm test` does it),
 * served by tests/e2e/server.ts on a fresh, migrated and seeded database of its own.
 * Debian's Chromium: never `npx playwright install` (no browser downloads here).
 *
 * Every test makes its own users and data (tests/e2e/fixtures), so tests run in parallel,
 * file by file and within a file.
 */
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // The fixtures call the app's services in the workers: `server-only` must resolve there.
  tsconfig: "tests/e2e/tsconfig.playwright.json",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Two sizes. Every test runs at 1366×800 except the phone-only flows (phone.spec.ts); at
  // 390×844 (a phone: touch, mobile viewport) only tests tagged @phone run — the page matrix,
  // the phone flows and the journeys that must work on both — so CI does not run the suite twice.
  projects: [
    {
      name: "chromium",
      testIgnore: "**/phone.spec.ts",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 800 }, launchOptions },
    },
    {
      name: "phone",
      grep: /@phone/,
      // Touch and mobile emulation cost more than the desktop's; the journeys run whole here.
      timeout: 60_000,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions },
    },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server tests/e2e/server.ts",
    url: `http://127.0.0.1:${port}/signin`,
    env: { E2E_PORT: String(port) },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
