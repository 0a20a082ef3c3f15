/**
 * The offline migration applier: Prisma's migration layout
 * (prisma/migrations/<timestamp>_<name>/migration.sql), applied in order with `pg`,
 * one transaction per migration, recorded in Prisma's own `_prisma_migrations` table
 * (name + sha256 checksum), so `prisma migrate deploy|status` on a machine that has the
 * schema engine sees the same state. See STACK.md for why the Prisma 7 CLI is not used.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { grantAppPrivileges } from "./roles";

export const MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "prisma", "migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER_SQL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// An arbitrary constant: serialises concurrent appliers on one database.
const MIGRATION_LOCK_KEY = 72_707_301;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every pending migration as the role `connectionString` logs in as (the owner role,
 * DATABASE_MIGRATION_URL); refuses to run if an applied migration's file changed. With
 * `appRole`, then grants the app role its privileges (scripts/db/roles.ts), also when nothing
 * was pending, so a new app role or a repaired grant takes effect on the next run.
 */
export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void; appRole?: string } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const { rows: can } = await client.query<{ me: string; create: boolean }>(
      "SELECT current_user AS me, has_schema_privilege('public', 'CREATE') AS create",
    );
    if (!can[0]!.create) {
      throw new Error(
        `The role ${can[0]!.me} may not create objects in the schema public, so it cannot run migrations. ` +
          "Run them as the owner role (DATABASE_MIGRATION_URL; README \"Security\"), not as the app role.",
      );
    }
    await client.query(LEDGER_SQL);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const name of done.keys()) {
      if (!migrations.some((m) => m.name === name)) {
        throw new Error(`Migration ${name} is applied in the database but missing from ${options.dir ?? MIGRATIONS_DIR}.`);
      }
    }
    const applied: string[] = [];
    for (const m of migrations) {
      const checksum = done.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was edited after it was applied (checksum mismatch). Author a new migration instead.`);
        }
        continue;
      }
      log(`applying ${m.name}`);
      await client.query("BEGIN");
      try {
        const id = randomUUID();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    if (options.appRole) await grantAppPrivileges(client, options.appRole);
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
