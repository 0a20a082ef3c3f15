/**
 * Where tests (and migration authoring) find PostgreSQL: DATABASE_URL if set, else the
 * server on 127.0.0.1:5432 if one answers, else an embedded PostgreSQL (scripts/db/embedded.ts)
 * that this process starts once, in a temporary folder on a free port. SERVEWISE_TEST_DB=embedded
 * skips DATABASE_URL and the :5432 probe and always uses the embedded one.
 * Each caller gets its own fresh database and removes it afterwards; the embedded server stops
 * when the last database this process created on it is dropped, or when the process exits.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";

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

let embedded: Promise<EmbeddedPostgres> | null = null;
let embeddedDatabases = 0;

/** This process's embedded PostgreSQL, started on first use. */
async function embeddedServer(): Promise<EmbeddedPostgres> {
  embedded ??= freePort().then((port) => startEmbeddedPostgres({ port }));
  try {
    return await embedded;
  } catch (error) {
    embedded = null;
    throw error;
  }
}

async function stopEmbeddedIfUnused() {
  if (embeddedDatabases > 0 || !embedded) return;
  const server = embedded;
  embedded = null;
  await (await server).stop();
}

/**
 * The server to create test databases on: DATABASE_URL, else the local server if it answers,
 * else this process's embedded server (started now; other processes may create databases on
 * its URL while this one runs). SERVEWISE_TEST_DB=embedded always picks the embedded server.
 */
export async function resolveServerUrl(): Promise<string> {
  const forceEmbedded = process.env.SERVEWISE_TEST_DB === "embedded";
  if (!forceEmbedded && process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!forceEmbedded && (await answers(LOCAL_POSTGRES_URL))) return LOCAL_POSTGRES_URL;
  return (await embeddedServer()).url;
}

/** Creates `<prefix>_<random>` on `server` (resolved when null or undefined). */
export async function createFreshDatabase(prefix: string, server?: string | null): Promise<FreshDatabase> {
  const serverUrl = server ?? (await resolveServerUrl());
  const own = embedded ? await embedded.catch(() => null) : null;
  const onOwnEmbedded = own !== null && own.url === serverUrl;
  const kind = onOwnEmbedded ? "embedded" : serverUrl === process.env.DATABASE_URL ? "env" : "local";
  const name = `${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  if (onOwnEmbedded) embeddedDatabases++;
  let dropped = false;
  return {
    url: withDatabase(serverUrl, name),
    kind,
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
        if (onOwnEmbedded) {
          embeddedDatabases--;
          await stopEmbeddedIfUnused();
        }
      }
    },
  };
}
