/**
 * The web server for browser tests: a fresh database (scripts/db/server.ts), migrated and
 * seeded with the demo data, a local OpenID provider for company SSO
 * (support/oidc-provider.ts), then `next start` on the built app twice on that database: the
 * portal the tests browse (E2E_PORT, SSO on, auto-provisioning off) and a second one with
 * auto-provisioning on (PROVISIONING_PORT). It writes the database's URL and the SSO addresses
 * to SERVER_INFO_FILE, where the test workers' fixtures (tests/e2e/fixtures) find them to
 * create each test's own users. On SIGTERM it stops both portals and the provider and drops
 * the database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createFreshDatabase } from "../../scripts/db/server";
import { startOidcProvider } from "./support/oidc-provider";
import { E2E_PORT, OIDC_PROVIDER_PORT, PROVISIONING_PORT, SERVER_INFO_FILE, type ServerInfo } from "./support/server-info";

const root = join(import.meta.dirname, "..", "..");
if (!existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npx next build` first (npm test does).");
  process.exit(1);
}

const database = await createFreshDatabase("servewise_e2e");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "e2e-tests-secret-0123456789abcdefghij";
await database.migrate();

const { seedDemoData } = await import("../../prisma/seed");
await seedDemoData({ bcryptRounds: 4 });

const portalUrl = (port: number) => `http://127.0.0.1:${port}`;
const ssoClient = { id: "servewise-e2e", secret: randomBytes(24).toString("base64url") };
const sso = { name: "Example Corp SSO", provisioningUrl: portalUrl(PROVISIONING_PORT) };
const provider = await startOidcProvider({
  port: OIDC_PROVIDER_PORT,
  client: { ...ssoClient, redirectUris: [E2E_PORT, PROVISIONING_PORT].map((port) => `${portalUrl(port)}/api/auth/callback/oidc`) },
});
await mkdir(dirname(SERVER_INFO_FILE), { recursive: true });
await writeFile(SERVER_INFO_FILE, JSON.stringify({ databaseUrl: database.url, sso: { ...sso, issuer: provider.issuer } } satisfies ServerInfo));

const portals: ChildProcess[] = [];
function startPortal(port: number, autoProvision: boolean) {
  const next = spawn(join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_URL: portalUrl(port),
      NEXT_TELEMETRY_DISABLED: "1",
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: ssoClient.id,
      OIDC_CLIENT_SECRET: ssoClient.secret,
      OIDC_NAME: sso.name,
      OIDC_AUTO_PROVISION: String(autoProvision),
    },
  });
  portals.push(next);
  next.on("exit", (code) => void stop(code ?? 1));
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const next of portals) {
    try {
      if (next.pid) process.kill(-next.pid, "SIGTERM");
    } catch {}
  }
  await new Promise((r) => setTimeout(r, 500));
  await provider.stop();
  await rm(SERVER_INFO_FILE, { force: true });
  await database.drop().catch((e: unknown) => console.error("could not drop the e2e database:", e));
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

// The provisioning portal answers before the main one starts: Playwright starts the tests
// when the main one answers (playwright.config.ts `webServer.url`).
startPortal(PROVISIONING_PORT, true);
const started = Date.now();
while (!(await fetch(`${sso.provisioningUrl}/api/health`).then((r) => r.ok, () => false))) {
  if (Date.now() - started > 120_000) {
    console.error(`the provisioning portal did not answer on ${sso.provisioningUrl} within 120 s`);
    await stop(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}
startPortal(E2E_PORT, false);
