/**
 * `npm run db:migration:new -- <name>`: authors a migration from your edit of
 * prisma/schema.prisma, offline. It diffs the datamodel the committed migrations produce
 * (prisma/tooling/migrated-schema.prisma) against schema.prisma, writes
 * prisma/migrations/<timestamp>_<name>/migration.sql, and records the new snapshot.
 * Review the SQL (add triggers, data fixes) before committing; the drift test checks that
 * the migrations and schema.prisma agree.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS_DIR } from "./migrations";
import { diffSchemas } from "./prisma6";
import { createFreshDatabase } from "./server";

const ROOT = join(import.meta.dirname, "..", "..");
const SCHEMA = join(ROOT, "prisma", "schema.prisma");
const SNAPSHOT = join(ROOT, "prisma", "tooling", "migrated-schema.prisma");

const name = process.argv[2];
if (!name || !/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name>   (lowercase letters, digits and _; e.g. add_decisions)");
  process.exit(2);
}

const scratch = await createFreshDatabase("servewise_author", null, { roles: false });
try {
  const sql = await diffSchemas(existsSync(SNAPSHOT) ? SNAPSHOT : null, SCHEMA, scratch.url);
  if (/This is an empty migration/.test(sql) || sql.trim() === "") {
    console.log("schema.prisma matches the migrations: nothing to author.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    const lock = join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
    copyFileSync(SCHEMA, SNAPSHOT);
    console.log(`wrote ${join("prisma", "migrations", `${stamp}_${name}`, "migration.sql")}`);
  }
} finally {
  await scratch.drop();
}
