import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { applyMigrations, readMigrations } from "../../scripts/db/migrations";
import { diffSchemas } from "../../scripts/db/prisma6";
import { createFreshDatabase, type FreshDatabase } from "../../scripts/db/server";

const SCHEMA = join(import.meta.dirname, "..", "..", "prisma", "schema.prisma");

/** What Prisma models, read from the catalog: enums, tables/columns, constraints, indexes. */
async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r));
    return {
      enums: await q(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`),
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
          character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      constraints: await q(`SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"') AND c.conrelid <> 0
        ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
    };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  let fromSchema: FreshDatabase;

  beforeAll(async () => {
    fromSchema = await createFreshDatabase("servewise_drift", inject("databaseServerUrl") || null, { roles: false });
  });
  afterAll(async () => {
    await fromSchema?.drop();
  });

  it("produce exactly the database that schema.prisma describes (no drift)", async () => {
    const sql = await diffSchemas(null, SCHEMA, fromSchema.url);
    expect(sql).toContain("CREATE TABLE");
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const migrated = await catalog(inject("databaseMigrationUrl"));
    const expected = await catalog(fromSchema.url);
    expect(migrated.columns.length).toBeGreaterThan(0);
    expect(migrated).toEqual(expected);
  });

  it("are recorded in Prisma's ledger and re-running applies nothing", async () => {
    const result = await applyMigrations(inject("databaseMigrationUrl"));
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(readMigrations().length);
  });

  it("refuse to run when an applied migration file was edited afterwards", async () => {
    const db = await createFreshDatabase("servewise_edit", inject("databaseServerUrl") || null);
    const dir = mkdtempSync(join(tmpdir(), "servewise-migrations-"));
    try {
      mkdirSync(join(dir, "20200101000000_first"));
      writeFileSync(join(dir, "20200101000000_first", "migration.sql"), "CREATE TABLE t (id int);");
      expect((await applyMigrations(db.migrationUrl, { dir })).applied).toEqual(["20200101000000_first"]);
      writeFileSync(join(dir, "20200101000000_first", "migration.sql"), "CREATE TABLE t (id bigint);");
      await expect(applyMigrations(db.migrationUrl, { dir })).rejects.toThrow(/edited after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });

  it("roll back a failing migration completely and record nothing", async () => {
    const db = await createFreshDatabase("servewise_fail", inject("databaseServerUrl") || null);
    const dir = mkdtempSync(join(tmpdir(), "servewise-migrations-"));
    try {
      mkdirSync(join(dir, "20200101000000_broken"));
      writeFileSync(join(dir, "20200101000000_broken", "migration.sql"), "CREATE TABLE ok_table (id int); SELECT no_such_function();");
      await expect(applyMigrations(db.migrationUrl, { dir })).rejects.toThrow(/20200101000000_broken failed/);
      const client = new pg.Client({ connectionString: db.migrationUrl });
      await client.connect();
      const tables = await client.query("SELECT to_regclass('public.ok_table') AS t");
      const ledger = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      await client.end();
      expect(tables.rows[0].t).toBeNull();
      expect(ledger.rows[0].n).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
