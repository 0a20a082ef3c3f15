-- Least privilege (README "Security"): the app connects as a role that owns nothing and may
-- only read the audit trail. It appends to the trail through audit_append alone, which
-- therefore runs with the rights of its owner (the owner role that runs the migrations), with
-- a fixed search_path so that no object of the caller's (e.g. a temporary table named
-- "AuditEvent") can stand in for the real ones. Only roles granted EXECUTE may call it
-- (scripts/db/roles.ts grants it to the app role after every migration run).
ALTER FUNCTION "audit_append"(TIMESTAMPTZ, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, JSONB, VARCHAR, TEXT)
  SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp;
REVOKE ALL ON FUNCTION "audit_append"(TIMESTAMPTZ, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, JSONB, VARCHAR, TEXT) FROM PUBLIC;
-- A trigger function: nobody needs to call it.
REVOKE ALL ON FUNCTION "audit_event_refuse_change"() FROM PUBLIC;
