import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { getPool } from "~/server/db";

/**
 * Readiness for operators and orchestrators: the database answers, and every migration the
 * deployed code ships (prisma/migrations) is applied. Never throws; never returns driver text.
 */
export interface Readiness {
  ready: boolean;
  database: "up" | "down";
  migrations: { expected: number; applied: number; pending: string[] };
}

function expectedMigrations(): string[] {
  const dir = join(process.cwd(), "prisma", "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export async function checkReadiness(timeoutMs = 2_000): Promise<Readiness> {
  const expected = expectedMigrations();
  const down: Readiness = { ready: false, database: "down", migrations: { expected: expected.length, applied: 0, pending: expected } };
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = getPool().query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("readiness check timed out")), timeoutMs);
    });
    const { rows } = await Promise.race([query, timeout]);
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expected.filter((name) => !applied.has(name));
    return { ready: pending.length === 0, database: "up", migrations: { expected: expected.length, applied: applied.size, pending } };
  } catch (error) {
    // No ledger table yet: the database answers but nothing is migrated.
    if ((error as { code?: string }).code === "42P01") return { ...down, database: "up" };
    return down;
  } finally {
    clearTimeout(timer);
  }
}
