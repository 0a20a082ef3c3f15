/**
 * `npm run db:migrate`: applies the committed migrations as the owner role
 * (DATABASE_MIGRATION_URL), then grants the app role (the user of DATABASE_URL) what it needs
 * (scripts/db/roles.ts). Without DATABASE_MIGRATION_URL, DATABASE_URL's role does both jobs
 * (one role for everything: no least privilege; see README "Security").
 */
import "dotenv/config";
import { applyMigrations } from "./migrations";
import { roleOf } from "./roles";

const appUrl = process.env.DATABASE_URL;
const ownerUrl = process.env.DATABASE_MIGRATION_URL || appUrl;
if (!ownerUrl) {
  console.error(
    "DATABASE_MIGRATION_URL (the owner role) and DATABASE_URL (the app role) are not set. Set them (see .env.example) or use `npm start`, which starts the embedded database.",
  );
  process.exit(2);
}
try {
  let appRole: string | undefined;
  if (appUrl && ownerUrl !== appUrl) {
    const [owner, app] = await Promise.all([roleOf(ownerUrl), roleOf(appUrl)]);
    if (owner !== app) appRole = app;
  }
  if (!appRole) {
    console.warn("Migrating and serving as one database role: the app could alter tables and disable the audit trail's triggers. See README \"Security\" for the two roles.");
  }
  const result = await applyMigrations(ownerUrl, { log: (line) => console.log(line), appRole });
  console.log(
    (result.applied.length === 0
      ? `Database is up to date (${result.alreadyApplied} migrations applied).`
      : `Applied ${result.applied.length} migration(s).`) + (appRole ? ` Privileges granted to ${appRole}.` : ""),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
