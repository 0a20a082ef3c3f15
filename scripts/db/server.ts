/**
 * Where tests (and migration authoring) find PostgreSQL: DATABASE_URL if set, else the
 * server on 127.0.0.1:5432 if one answers, else an embedded PostgreSQL (scripts/db/embedded.ts)
 * that this process starts once, in a temporary folder on a free port. SERVEWISE_TEST_DB=embedded
 * skips DATABASE_URL and the :5432 probe and always uses the embedded one.
 * Each caller gets its own fresh database and removes it afterwards; the embedded server stops
 * when the last database this process created on it is dropped, or when the process exits.
 *
 * Each fresh database comes with its own two roles (scripts/db/roles.ts), named after it, so
 * that concurrent runs on one cluster never share or alter each other's roles: `<db>_owner`
 * (owns the database; migrations run as it) and `<db>_app` (what the app under test connects
 * as: `url`). They are dropped with the database; roles left by a killed run are swept when
 * their database is gone.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrations";
import { ensureRoles, type LoginRole, withLogin } from "./roles";

export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface FreshDatabase {
  /** As the app role: what the app under test gets as DATABASE_URL. */
  url: string;
  /** As the owner role: what migrations run as (DATABASE_MIGRATION_URL). */
  migrationUrl: string;
  /** As the server's superuser (tests that play the attacker, or prepare what the app cannot). */
  adminUrl: string;
  /** The app role's name. */
  appRole: string;
  kind: "env" | "local" | "embedded";
  /** Applies the migrations as the owner and grants the app role its privileges. */
  migrate(): Promise<void>;
  drop(): Promise<void>;
}

const TEST_ROLE_COMMENT = "servewise test role of database ";

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

/**
 * Creates `<prefix>_<random>` on `server` (resolved when null or undefined), with its owner and
 * app roles; `{ roles: false }` for a scratch database used only as the superuser (then all
 * three URLs are the superuser's).
 */
export async function createFreshDatabase(prefix: string, server?: string | null, options: { roles?: boolean } = {}): Promise<FreshDatabase> {
  const serverUrl = server ?? (await resolveServerUrl());
  const own = embedded ? await embedded.catch(() => null) : null;
  const onOwnEmbedded = own !== null && own.url === serverUrl;
  const kind = onOwnEmbedded ? "embedded" : serverUrl === process.env.DATABASE_URL ? "env" : "local";
  const name = `${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await sweepOrphanedTestRoles(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  if (onOwnEmbedded) embeddedDatabases++;
  const adminUrl = withDatabase(serverUrl, name);
  const owner: LoginRole = { name: `${name}_owner`, password: randomBytes(18).toString("hex") };
  const app: LoginRole = { name: `${name}_app`, password: randomBytes(18).toString("hex") };
  const withRoles = options.roles !== false;
  let dropped = false;
  const fresh: FreshDatabase = {
    url: withRoles ? withLogin(serverUrl, app, name) : adminUrl,
    migrationUrl: withRoles ? withLogin(serverUrl, owner, name) : adminUrl,
    adminUrl,
    appRole: withRoles ? app.name : new URL(serverUrl).username || "postgres",
    kind,
    async migrate() {
      await applyMigrations(fresh.migrationUrl, withRoles ? { appRole: app.name } : {});
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        // A concurrent sweep (below) may be dropping them too; one left behind is swept later.
        if (withRoles) await client.query(`DROP ROLE IF EXISTS "${owner.name}", "${app.name}"`).catch(() => {});
      } finally {
        await client.end();
        if (onOwnEmbedded) {
          embeddedDatabases--;
          await stopEmbeddedIfUnused();
        }
      }
    },
  };
  if (withRoles) {
    try {
      await ensureRoles(serverUrl, name, { owner, app, comment: `${TEST_ROLE_COMMENT}${name}` });
    } catch (error) {
      await fresh.drop().catch(() => {});
      throw new Error(`Creating the test database's roles on ${new URL(serverUrl).host} failed (its user must be a superuser): ${(error as Error).message}`, { cause: error });
    }
  }
  return fresh;
}

/** Roles of test databases that no longer exist (their run was killed before it dropped them). */
async function sweepOrphanedTestRoles(admin: pg.Client) {
  try {
    const { rows } = await admin.query<{ rolname: string }>(
      `SELECT r.rolname FROM pg_roles r
       JOIN pg_shdescription d ON d.objoid = r.oid AND d.classoid = 'pg_authid'::regclass
       WHERE starts_with(d.description, $1)
         AND NOT EXISTS (SELECT 1 FROM pg_database db WHERE db.datname = substr(d.description, length($1) + 1))`,
      [TEST_ROLE_COMMENT],
    );
    for (const { rolname } of rows) {
      // Another run may sweep the same role at the same time.
      await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(rolname)}`).catch(() => {});
    }
  } catch {}
}
