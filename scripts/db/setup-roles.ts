/**
 * `npm run db:roles`: as the server's superuser (DATABASE_ADMIN_URL), creates — or repairs —
 * the database of DATABASE_MIGRATION_URL and the two roles (scripts/db/roles.ts): the owner
 * role of DATABASE_MIGRATION_URL and the app role of DATABASE_URL, with the passwords those
 * URLs carry (a URL without a password leaves that role's password as it is). Idempotent:
 * docker-compose runs it before every migration; a database that an older version created
 * as one role is handed to the owner role. README "Security" has the same steps as SQL.
 */
import "dotenv/config";
import pg from "pg";
import { ensureRoles, type LoginRole } from "./roles";

function login(variable: string): { role: LoginRole; database: string } {
  const value = process.env[variable];
  if (!value) {
    console.error(`${variable} is not set (see .env.example and README "Security").`);
    process.exit(2);
  }
  const url = new URL(value);
  const name = decodeURIComponent(url.username);
  if (!name) {
    console.error(`${variable} must name its role (postgresql://ROLE:PASSWORD@host/database).`);
    process.exit(2);
  }
  return { role: { name, password: decodeURIComponent(url.password) }, database: decodeURIComponent(url.pathname.slice(1)) || name };
}

const adminUrl = process.env.DATABASE_ADMIN_URL;
if (!adminUrl) {
  console.error("DATABASE_ADMIN_URL (a superuser, e.g. postgresql://postgres:…@host:5432/postgres) is not set.");
  process.exit(2);
}
const owner = login("DATABASE_MIGRATION_URL");
const app = login("DATABASE_URL");
if (owner.database !== app.database) {
  console.error(`DATABASE_MIGRATION_URL and DATABASE_URL name different databases (${owner.database}, ${app.database}).`);
  process.exit(2);
}
try {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [owner.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(owner.database)}`);
  } finally {
    await admin.end();
  }
  await ensureRoles(adminUrl, owner.database, { owner: owner.role, app: app.role });
  console.log(`Database ${owner.database}: owned by ${owner.role.name} (migrations); ${app.role.name} may connect (the app). Run the migrations next (npm run db:migrate).`);
} catch (error) {
  console.error(`Setting up the database roles failed: ${(error as Error).message}`);
  process.exit(1);
}
