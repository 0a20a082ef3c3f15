/**
 * One fresh, migrated database per integration run (see scripts/db/server.ts for where it
 * lives), dropped when the run ends. The tests run the app's code as the database's app role
 * (`databaseUrl`), as production does, so a missing grant fails them; the owner's and the
 * superuser's URLs are there for tests that check migrations or play the attacker.
 */
import type { TestProject } from "vitest/node";
import { createFreshDatabase, resolveServerUrl } from "../../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    /** As the app role (DATABASE_URL of the code under test). */
    databaseUrl: string;
    /** As the owner role, which ran the migrations. */
    databaseMigrationUrl: string;
    /** As the server's superuser. */
    databaseAdminUrl: string;
    databaseKind: string;
    /** The server tests may create more databases on (the embedded one lives as long as the run). */
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveServerUrl();
  const fresh = await createFreshDatabase("servewise_it", server);
  await fresh.migrate();
  project.provide("databaseUrl", fresh.url);
  project.provide("databaseMigrationUrl", fresh.migrationUrl);
  project.provide("databaseAdminUrl", fresh.adminUrl);
  project.provide("databaseKind", fresh.kind);
  project.provide("databaseServerUrl", server);
  return async () => {
    await fresh.drop();
  };
}
