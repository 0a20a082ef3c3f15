/**
 * One fresh, migrated database per integration run (see scripts/db/server.ts for where it
 * lives), dropped when the run ends.
 */
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/migrations";
import { createFreshDatabase, resolveServerUrl } from "../../scripts/db/server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: string;
    /** The server tests may create more databases on (the embedded one lives as long as the run). */
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveServerUrl();
  const fresh = await createFreshDatabase("servewise_it", server);
  await applyMigrations(fresh.url);
  project.provide("databaseUrl", fresh.url);
  project.provide("databaseKind", fresh.kind);
  project.provide("databaseServerUrl", server);
  return async () => {
    await fresh.drop();
  };
}
