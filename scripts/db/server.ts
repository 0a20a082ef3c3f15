/**
 * Where tests (and migration authoring) find PostgreSQL: DATABASE_URL if set, else the
 * server on 127.0.0.1:5432 if one answers, else an in-memory embedded PGlite.
 * Each caller gets its own fresh database and removes it afterwards.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";

export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface FreshDatabase {
  url: string;
  kind: "env" | "local" | "embedded";
  drop(): Promise<void>;
}

export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** DATABASE_URL, else the local server if it answers, else null (use the embedded database). */
export async function resolveServerUrl(): Promise<string | null> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return (await answers(LOCAL_POSTGRES_URL)) ? LOCAL_POSTGRES_URL : null;
}

/**
 * Creates `<prefix>_<random>` on `serverUrl` (resolved when undefined), or, when the server
 * is null, a whole in-memory PGlite of its own.
 */
export async function createFreshDatabase(prefix: string, server?: string | null): Promise<FreshDatabase> {
  const serverUrl = server === undefined ? await resolveServerUrl() : server;
  const fromEnv = serverUrl !== null && serverUrl === process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: await freePort() });
    return { url: embedded.url, kind: "embedded", drop: () => embedded.stop() };
  }
  const name = `${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    kind: fromEnv ? "env" : "local",
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
