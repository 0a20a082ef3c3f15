-- Appends one audit event in ONE round trip, so the chain's lock is held for as short a time
-- as possible: take the transaction-scoped advisory lock, read the chain's head (a new
-- snapshot per statement inside a volatile function, so the previous holder's committed
-- event is seen), compute the hash and insert. The hash is exactly the application's
--   SHA-256(prevHash || canonical JSON of the event)
-- where the canonical JSON's keys are sorted and "seq" sorts last: the application sends
-- everything before the sequence number (p_canonical_prefix, ending in `"seq":"`), and the
-- function appends the number and `"}`. src/server/audit.ts is the only caller.
CREATE FUNCTION "audit_append"(
  p_occurred_at TIMESTAMPTZ(3),
  p_actor_id VARCHAR(40),
  p_actor_name VARCHAR(120),
  p_actor_email VARCHAR(254),
  p_action VARCHAR(60),
  p_entity_type VARCHAR(40),
  p_entity_id VARCHAR(60),
  p_payload JSONB,
  p_request_id VARCHAR(80),
  p_canonical_prefix TEXT
) RETURNS TABLE ("seq" BIGINT, "hash" TEXT)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_prev_seq BIGINT;
  v_prev_hash TEXT;
  v_seq BIGINT;
  v_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(72707302);
  SELECT e."seq", e."hash" INTO v_prev_seq, v_prev_hash FROM "AuditEvent" e ORDER BY e."seq" DESC LIMIT 1;
  v_seq := COALESCE(v_prev_seq, 0) + 1;
  v_prev_hash := COALESCE(v_prev_hash, repeat('0', 64));
  v_hash := encode(sha256(convert_to(v_prev_hash || p_canonical_prefix || v_seq::text || '"}', 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("seq", "occurredAt", "actorId", "actorName", "actorEmail", "action", "entityType", "entityId", "payload", "requestId", "prevHash", "hash")
  VALUES (v_seq, p_occurred_at, p_actor_id, p_actor_name, p_actor_email, p_action, p_entity_type, p_entity_id, p_payload, p_request_id, v_prev_hash, v_hash);
  RETURN QUERY SELECT v_seq, v_hash;
END;
$$;
