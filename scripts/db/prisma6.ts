/**
 * Runs Prisma 6's `migrate diff` (WASM schema engine, no binary download) between two
 * datamodels and returns the SQL. Prisma 7 schemas carry no datasource URL, while Prisma 6
 * requires one, so each input is copied to a temporary file with the URL added.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

function withUrl(schemaPath: string, dir: string, name: string): string {
  const text = readFileSync(schemaPath, "utf8").replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_all, body: string) => `datasource db {${body}  url = env("MIGRATION_AUTHOR_DATABASE_URL")\n}`,
  );
  const out = join(dir, name);
  writeFileSync(out, text);
  return out;
}

/** SQL that takes a database from `from` (null = empty) to `to`. `databaseUrl` is only nominal. */
export async function diffSchemas(from: string | null, to: string, databaseUrl: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "servewise-diff-"));
  try {
    const args = [
      join(ROOT, "node_modules", "prisma6", "build", "index.js"),
      "migrate",
      "diff",
      "--config",
      join(ROOT, "prisma", "tooling", "prisma6.config.ts"),
      ...(from ? ["--from-schema-datamodel", withUrl(from, dir, "from.prisma")] : ["--from-empty"]),
      "--to-schema-datamodel",
      withUrl(to, dir, "to.prisma"),
      "--script",
    ];
    // Asynchronous, so this process stays responsive (timers, signals) while the CLI runs.
    const { stdout: sql } = await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        MIGRATION_AUTHOR_DATABASE_URL: databaseUrl,
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    return sql.replace(/^Loaded Prisma config.*\n+/m, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
