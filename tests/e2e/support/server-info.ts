/**
 * How the browser tests' processes find each other. The config, the web server
 * (tests/e2e/server.ts) and the test workers all read the port from E2E_PORT, so they agree
 * on it, and on the file in which the web server names the database it made: the workers'
 * fixtures create users in that database through the app's own services.
 */
import { join } from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);

/** Under test-results, which Playwright empties before it starts the web server. */
export const SERVER_INFO_FILE = join(import.meta.dirname, "..", "..", "..", "test-results", `e2e-server-${E2E_PORT}.json`);

export interface ServerInfo {
  databaseUrl: string;
}
