/**
 * Least privilege (issue 11): the app connects as its own role (DATABASE_URL), which may not
 * alter tables, disable triggers, set session_replication_role, or change the audit trail;
 * migrations run as the owner role, whose default privileges grant future tables to the app.
 * Every statement here runs as the role the app under test connects as.
 */
import pg from "pg";
import { describe, expect, it, inject } from "vitest";
import { checkReadiness } from "~/server/health";
import { applyMigrations } from "../../scripts/db/migrations";
import { asRole, callerFor, makeTeam, makeUser } from "./helpers";

/** Runs `statements` in one transaction as the app role; resolves to the first error's message, or "OK". */
async function asApp(...statements: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const s of statements) await client.query(s);
    await client.query("ROLLBACK");
    return "OK";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end();
  }
}

async function queryAsApp<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const REFUSED = /permission denied|must be owner/;

describe("the app's database role", () => {
  it("is neither a superuser, nor an owner of anything, nor a member of the owner role", async () => {
    const [me] = await queryAsApp<{ name: string; superuser: boolean; owned: number; owner: string; member: boolean; bypassrls: boolean }>(`
      SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned,
             pg_get_userbyid(d.datdba) AS owner,
             pg_has_role(current_user, d.datdba, 'MEMBER') AS member
      FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`);
    expect(me).toMatchObject({ superuser: false, bypassrls: false, owned: 0, member: false });
    expect(me!.owner).not.toBe(me!.name);
    expect(me!.owner).not.toBe("postgres");
  });

  it("cannot alter a table, disable the audit trail's triggers or set session_replication_role", async () => {
    expect(await asApp(`ALTER TABLE "DecisionVersion" ADD COLUMN "forged" text`)).toMatch(/must be owner/);
    expect(await asApp(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`)).toMatch(/must be owner/);
    expect(await asApp(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await asApp(`ALTER TABLE "AuditEvent" OWNER TO CURRENT_USER`)).toMatch(/must be owner/);
    expect(await asApp(`DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`)).toMatch(/must be owner/);
    expect(await asApp("SET session_replication_role = replica")).toMatch(/permission denied to set parameter/);
    expect(await asApp("SET LOCAL session_replication_role = replica")).toMatch(/permission denied to set parameter/);
  });

  it("cannot UPDATE, DELETE, TRUNCATE or INSERT into the audit trail directly", async () => {
    const team = await makeTeam("Privilege");
    const member = await makeUser({ teamSlugs: [team.slug] });
    await callerFor(member).useCase.create({ teamId: team.id, title: "Privilege target", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    expect(await asApp(`UPDATE "AuditEvent" SET "actorName" = 'Mallory'`)).toMatch(/permission denied for table AuditEvent/);
    expect(await asApp(`UPDATE "AuditEvent" SET "prevHash" = hash, hash = "prevHash" WHERE seq = 1`)).toMatch(/permission denied for table AuditEvent/);
    expect(await asApp(`DELETE FROM "AuditEvent" WHERE seq = 1`)).toMatch(/permission denied for table AuditEvent/);
    expect(await asApp(`TRUNCATE "AuditEvent"`)).toMatch(/permission denied for table AuditEvent/);
    expect(
      await asApp(`INSERT INTO "AuditEvent" (seq, "occurredAt", "actorName", "actorEmail", action, "entityType", "entityId", payload, "prevHash", hash)
        VALUES (999999, now(), 'Mallory', 'm@example.test', 'DECISION_APPROVED', 'DecisionVersion', 'x', '{}', 'x', 'x')`),
    ).toMatch(/permission denied for table AuditEvent/);
    // Reading it is what the viewer, the exports and audit:verify need.
    expect(await asApp(`SELECT count(*) FROM "AuditEvent"`)).toBe("OK");
  });

  it("cannot truncate, create, or change the migration ledger anywhere", async () => {
    expect(await asApp(`TRUNCATE "DecisionVersion"`)).toMatch(REFUSED);
    expect(await asApp(`TRUNCATE "User" CASCADE`)).toMatch(REFUSED);
    expect(await asApp(`CREATE TABLE "Shadow" (id int)`)).toMatch(/permission denied for schema public/);
    // No temporary tables either: nothing of the app's can shadow a table in a function's search_path.
    expect(await asApp(`CREATE TEMP TABLE "AuditEvent" (seq bigint)`)).toMatch(/permission denied to create temporary tables/);
    expect(await asApp(`DELETE FROM "_prisma_migrations"`)).toMatch(/permission denied for table _prisma_migrations/);
    expect(await asApp(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'x', 'x')`)).toMatch(/permission denied/);
    expect(await asApp(`CREATE OR REPLACE FUNCTION audit_append() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).toMatch(REFUSED);
  });

  it("appends only through audit_append, which runs as its owner with a fixed search_path and is not PUBLIC's", async () => {
    const [fn] = await queryAsApp<{ definer: boolean; config: string[]; public_can: boolean; app_can: boolean; owner: string }>(`
      SELECT p.prosecdef AS definer, p.proconfig AS config, pg_get_userbyid(p.proowner) AS owner,
             has_function_privilege(current_user, p.oid, 'EXECUTE') AS app_can,
             EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_can
      FROM pg_proc p WHERE p.proname = 'audit_append'`);
    expect(fn).toMatchObject({ definer: true, config: ["search_path=pg_catalog, public, pg_temp"], app_can: true, public_can: false });
    expect(fn!.owner).not.toBe("postgres");
    // The app's own path still appends (the audit trail tests cover the chain itself).
    const team = await makeTeam("Append");
    const member = await makeUser({ teamSlugs: [team.slug] });
    await callerFor(member).useCase.create({ teamId: team.id, title: "Appended", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
  });

  it("cannot re-chain the history after forging a decision's status (the attack of issue 11)", async () => {
    const team = await makeTeam("Forgery");
    const member = await makeUser({ teamSlugs: [team.slug] });
    const { id } = await callerFor(member).useCase.create({ teamId: team.id, title: "Forgery target", description: "", owner: "", modelRepoUrl: "", dashboardUrl: "", tags: [] });
    const result = await asApp(
      "SET LOCAL session_replication_role = replica",
      `UPDATE "UseCase" SET title = 'Forged' WHERE id = '${id}'`,
    );
    expect(result).toMatch(/permission denied to set parameter/);
    expect(
      await asApp(`UPDATE "AuditEvent" SET hash = encode(sha256(convert_to("prevHash" || 'forged', 'UTF8')), 'hex') WHERE "entityId" = '${id}'`),
    ).toMatch(/permission denied for table AuditEvent/);
  });

  it("gets tables and sequences that later migrations create, through the owner's default privileges", async () => {
    const name = `future_${Date.now()}`;
    await asRole("owner", (client) => client.query(`CREATE TABLE "${name}" (id bigserial PRIMARY KEY, note text NOT NULL)`));
    try {
      expect(await asApp(`INSERT INTO "${name}" (note) VALUES ('a')`, `UPDATE "${name}" SET note = 'b'`, `SELECT * FROM "${name}"`, `DELETE FROM "${name}"`)).toBe("OK");
      expect(await asApp(`SELECT nextval('${name}_id_seq')`)).toBe("OK");
      expect(await asApp(`TRUNCATE "${name}"`)).toMatch(REFUSED);
      expect(await asApp(`ALTER TABLE "${name}" ADD COLUMN x int`)).toMatch(/must be owner/);
    } finally {
      await asRole("owner", (client) => client.query(`DROP TABLE "${name}"`));
    }
  });

  it("cannot run migrations (a clear message names the owner role), while readiness works as it", async () => {
    await expect(applyMigrations(inject("databaseUrl"))).rejects.toThrow(/cannot run migrations.*DATABASE_MIGRATION_URL/);
    expect(await checkReadiness()).toMatchObject({ ready: true, database: "up" });
  });
});
