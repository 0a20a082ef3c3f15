/**
 * How the browser tests' processes find each other. The config, the web server
 * (tests/e2e/server.ts) and the test workers all read the port from E2E_PORT, so they agree
 * on it, and on the file in which the web server names the database it made: the workers'
 * fixtures create users in that database through the app's own services.
 */
import { join } from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
/** The company's OpenID provider for SSO tests (tests/e2e/support/oidc-provider.ts). */
export const OIDC_PROVIDER_PORT = E2E_PORT + 1;
/** A second portal on the same database, with SSO auto-provisioning on. */
export const PROVISIONING_PORT = E2E_PORT + 2;

/** Under test-results, which Playwright empties before it starts the web server. */
export const SERVER_INFO_FILE = join(import.meta.dirname, "..", "..", "..", "test-results", `e2e-server-${E2E_PORT}.json`);

export interface ServerInfo {
  databaseUrl: string;
  sso: {
    /** The OpenID provider's issuer URL; tests add people to its directory. */
    issuer: string;
    /** What the sign-in page's SSO button says after "Continue with". */
    name: string;
    /** The portal with auto-provisioning on (the main one, at baseURL, has it off). */
    provisioningUrl: string;
  };
}
