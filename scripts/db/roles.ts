/**
 * The two database roles (README "Security"):
 *
 * - the OWNER role owns the database, its `public` schema and every object the migrations
 *   create; migrations run as it (DATABASE_MIGRATION_URL). It is not a superuser.
 * - the APP role is what the server connects as (DATABASE_URL): not a superuser, not an
 *   owner, not a member of the owner role, so it cannot ALTER a table, disable a trigger or
 *   set session_replication_role. It may read and write the tables the app changes, only
 *   read the audit trail (AuditEvent) and the migration ledger, and append to the trail only
 *   through `audit_append`, which runs with the owner's rights (migration
 *   20261201190000_least_privilege).
 *
 * `ensureRoles` (as a superuser) creates or repairs both roles and hands a database to the
 * owner; `grantAppPrivileges` (as the owner, after every migration run) grants the app role
 * exactly what it needs, and sets default privileges so that tables and sequences created by
 * future migrations are granted to it too. Both are idempotent; role creation is also safe
 * when several processes do it at once on one cluster.
 */
import pg from "pg";

export interface LoginRole {
  name: string;
  /** Empty: leave the role's password as it is (e.g. a server with trust or peer authentication). */
  password: string;
}

/** Tables the app may only read (the rest it may SELECT, INSERT, UPDATE and DELETE). */
export const READ_ONLY_TABLES = ["AuditEvent", "_prisma_migrations"] as const;

const ident = (name: string) => pg.escapeIdentifier(name);
const literal = (text: string) => pg.escapeLiteral(text);

// Role changes are cluster-wide: serialise ours (advisory locks are per database, so every
// caller takes it on its admin connection's database, normally `postgres`).
const ROLE_LOCK_KEY = 72_707_304;

/**
 * As a superuser: creates the owner and app login roles if missing (a concurrent creator is
 * not an error), sets their passwords and attributes, makes the owner the owner of `database`
 * and of its `public` schema, and lets only the app role (and the owner) connect.
 * `adminUrl` may point at any database of the server; `database` must exist.
 */
export async function ensureRoles(adminUrl: string, database: string, roles: { owner: LoginRole; app: LoginRole; comment?: string }) {
  const { owner, app } = roles;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ me: string }>("SELECT current_user AS me");
    for (const role of [owner, app]) {
      if (role.name === rows[0]!.me || role.name === "postgres") {
        throw new Error(`The ${role === owner ? "owner" : "app"} role must be a role of its own, not ${role.name}.`);
      }
    }
    if (owner.name === app.name) throw new Error("The owner and app roles must be two different roles.");
    await admin.query("BEGIN");
    await admin.query("SELECT pg_advisory_xact_lock($1)", [ROLE_LOCK_KEY]);
    for (const role of [owner, app]) {
      // Another process may create it between a check and CREATE: catch the duplicate instead.
      await admin.query(`DO $$ BEGIN
        CREATE ROLE ${ident(role.name)} LOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
      const password = role.password ? ` PASSWORD ${literal(role.password)}` : "";
      await admin.query(`ALTER ROLE ${ident(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT${password}`);
      if (roles.comment) await admin.query(`COMMENT ON ROLE ${ident(role.name)} IS ${literal(roles.comment)}`);
    }
    // The app role must not inherit the owner's rights.
    const member = await admin.query(`SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles a ON a.oid = m.member
      WHERE r.rolname = $1 AND a.rolname = $2`, [owner.name, app.name]);
    if (member.rowCount) await admin.query(`REVOKE ${ident(owner.name)} FROM ${ident(app.name)}`);
    await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner.name)}`);
    await admin.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(app.name)}`);
    await admin.query("COMMIT");
  } catch (error) {
    await admin.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await admin.end();
  }

  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  const inDatabase = new pg.Client({ connectionString: url.toString() });
  await inDatabase.connect();
  try {
    await inDatabase.query(`ALTER SCHEMA public OWNER TO ${ident(owner.name)}`);
    await inDatabase.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await adoptObjects(inDatabase, owner.name);
  } finally {
    await inDatabase.end();
  }
}

/**
 * Hands the owner role every table, sequence, view, type and function of the `public` schema
 * that another role owns: a database migrated before the roles existed (by `postgres` or the
 * image's superuser) keeps working, and its next migration runs as the owner.
 */
async function adoptObjects(client: pg.Client, owner: string) {
  await client.query(`DO $$
  DECLARE
    target oid := (SELECT oid FROM pg_roles WHERE rolname = ${literal(owner)});
    r record;
  BEGIN
    FOR r IN
      SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
             c.oid::regclass::text AS name
      FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> target
        -- a sequence owned by a column moves with its table
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
    LOOP
      EXECUTE format('ALTER %s %s OWNER TO %I', r.kind, r.name, ${literal(owner)});
    END LOOP;
    FOR r IN
      SELECT t.oid::regtype::text AS name FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c') AND t.typowner <> target
        AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
    LOOP
      EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, ${literal(owner)});
    END LOOP;
    FOR r IN
      SELECT p.oid::regprocedure::text AS name FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> target AND p.prokind IN ('f', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
      EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, ${literal(owner)});
    END LOOP;
  END $$`);
}

/**
 * As the owner (after the migrations): what the app role may do, and nothing more.
 * - every table: SELECT, INSERT, UPDATE, DELETE — except the audit trail and the migration
 *   ledger, which it may only read (no UPDATE, DELETE or TRUNCATE anywhere);
 * - sequences: USAGE and SELECT; `audit_append`: EXECUTE;
 * - default privileges: tables and sequences that later migrations create are granted the
 *   same way (a new append-only table must REVOKE in its migration).
 * One transaction: the app never sees a half-granted schema.
 */
export async function grantAppPrivileges(owner: pg.Client, app: string) {
  const role = ident(app);
  const { rows } = await owner.query<{ me: string; owns: boolean }>(
    `SELECT current_user AS me, pg_has_role($1, current_user, 'MEMBER') AS owns`,
    [app],
  );
  if (rows[0]!.me === app) return; // one role for everything: nothing to grant
  if (rows[0]!.owns) throw new Error(`The app role ${app} is a member of the owner role ${rows[0]!.me}: it would have the owner's rights.`);
  const readOnly = READ_ONLY_TABLES.map((t) => ident(t)).join(", ");
  await owner.query("BEGIN");
  try {
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await owner.query(`REVOKE ALL ON ${readOnly} FROM ${role}`);
    await owner.query(`GRANT SELECT ON ${readOnly} TO ${role}`);
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    const appendFn = await owner.query(`SELECT p.oid::regprocedure::text AS fn FROM pg_proc p
      WHERE p.proname = 'audit_append' AND p.pronamespace = 'public'::regnamespace`);
    for (const { fn } of appendFn.rows as { fn: string }[]) await owner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${role}`);
    await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
    await owner.query("COMMIT");
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** The role a connection string logs in as (its user name, else asked of the server). */
export async function roleOf(url: string): Promise<string> {
  const user = new URL(url).username;
  if (user) return decodeURIComponent(user);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ me: string }>("SELECT current_user AS me")).rows[0]!.me;
  } finally {
    await client.end();
  }
}

/** `url` with another user and password (and optionally database). */
export function withLogin(url: string, role: LoginRole, database?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  if (database !== undefined) u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
