/**
 * The typed audit payloads: one zod schema per action (past tense), as a discriminated
 * union, so every event's payload has a known shape. Changes carry `before`/`after`.
 */
import { z } from "zod";

const detailsSnapshot = z.object({
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  modelRepoUrl: z.string(),
  dashboardUrl: z.string(),
  tags: z.array(z.string()),
});

const transition = {
  useCaseId: z.string(),
  versionNumber: z.number().int().positive(),
  statusBefore: z.string(),
  statusAfter: z.string(),
};

const reviewPayload = z.object({
  ...transition,
  version: z.number().int().positive(),
  comment: z.string().nullable(),
  /** null: the engine found no feasible strategy (2.0.0). */
  recommended: z.string().nullable(),
  approvedStrategy: z.string().nullable(),
  override: z.object({ justification: z.string(), softConstraintsOverridden: z.array(z.string()) }).nullable(),
});

const signInMethod = z.enum(["password", "sso", "http-basic"]);

export const auditEventInputSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("USE_CASE_CREATED"),
    entityType: z.literal("UseCase"),
    payload: z.object({ teamId: z.string(), after: detailsSnapshot }),
  }),
  z.object({
    action: z.literal("USE_CASE_DETAILS_CHANGED"),
    entityType: z.literal("UseCase"),
    payload: z.object({ before: detailsSnapshot.partial(), after: detailsSnapshot.partial() }),
  }),
  z.object({
    action: z.literal("DECISION_SUBMITTED"),
    entityType: z.literal("DecisionVersion"),
    payload: z.object({
      useCaseId: z.string(),
      versionNumber: z.number().int().positive(),
      /** null: the engine found no feasible strategy (2.0.0). */
      recommended: z.string().nullable(),
      confidence: z.number(),
      engineVersion: z.string(),
      idempotencyKey: z.string(),
      statusBefore: z.string(),
      statusAfter: z.literal("SUBMITTED"),
      /** Everyone who changed the answers of this version (the submitter included): its authors for four eyes. */
      contributorIds: z.array(z.string()),
    }),
  }),
  z.object({
    /**
     * Someone changed a draft's answers. Coalesced: one event per editor per draft per window
     * (DRAFT_EDIT_WINDOW_MINUTES) and per submission, not one per autosave.
     */
    action: z.literal("DRAFT_EDITED"),
    entityType: z.literal("UseCase"),
    payload: z.object({
      /** The answers (question ids) the save that opened the window changed. */
      fields: z.array(z.string()),
      /** The draft's revision after that save. */
      revision: z.number().int().positive(),
      /** Later saves by the same editor are covered by this event until then (ISO time), unless the draft is submitted first. */
      coalescedUntil: z.string(),
    }),
  }),
  z.object({ action: z.literal("DECISION_APPROVED"), entityType: z.literal("DecisionVersion"), payload: reviewPayload }),
  z.object({ action: z.literal("DECISION_REJECTED"), entityType: z.literal("DecisionVersion"), payload: reviewPayload }),
  z.object({ action: z.literal("DECISION_CHANGES_REQUESTED"), entityType: z.literal("DecisionVersion"), payload: reviewPayload }),
  z.object({ action: z.literal("DECISION_WITHDRAWN"), entityType: z.literal("DecisionVersion"), payload: z.object(transition) }),
  z.object({
    action: z.literal("DECISION_SUPERSEDED"),
    entityType: z.literal("DecisionVersion"),
    payload: z.object({ ...transition, supersededByNumber: z.number().int().positive() }),
  }),
  z.object({
    action: z.literal("USER_SIGNED_IN"),
    entityType: z.literal("User"),
    payload: z.object({ method: signInMethod }),
  }),
  z.object({
    action: z.literal("USER_SIGNED_OUT"),
    entityType: z.literal("User"),
    payload: z.object({ sessionsRevoked: z.literal(true) }),
  }),
  z.object({
    action: z.literal("ACCOUNT_LOCKED"),
    entityType: z.literal("User"),
    payload: z.object({ email: z.string(), lockedSeconds: z.number().int().positive(), lockout: z.number().int().positive(), method: signInMethod }),
  }),
  z.object({
    action: z.literal("CLIENT_ADDRESS_LOCKED"),
    entityType: z.literal("ClientAddress"),
    payload: z.object({ address: z.string(), lockedSeconds: z.number().int().positive(), lockout: z.number().int().positive(), method: signInMethod }),
  }),
  z.object({
    action: z.literal("ACCOUNT_UNLOCKED"),
    entityType: z.literal("User"),
    payload: z.object({ email: z.string() }),
  }),
  z.object({
    action: z.literal("PASSWORD_CHANGED"),
    entityType: z.literal("User"),
    payload: z.object({ email: z.string(), sessionsRevoked: z.literal(true) }),
  }),
  z.object({
    action: z.literal("SIGN_IN_FAILED"),
    entityType: z.literal("User"),
    payload: z.object({ email: z.string(), reason: z.enum(["invalid", "deactivated", "not-provisioned"]), method: signInMethod }),
  }),
  z.object({
    action: z.literal("DECISION_LOG_EXPORTED"),
    entityType: z.literal("DecisionLog"),
    payload: z.object({ format: z.string(), filter: z.record(z.string(), z.string()), rows: z.number().int().min(0) }),
  }),
  z.object({
    action: z.literal("AUDIT_LOG_EXPORTED"),
    entityType: z.literal("AuditLog"),
    payload: z.object({ format: z.string(), filter: z.record(z.string(), z.string()), rows: z.number().int().min(0) }),
  }),
  z.object({
    action: z.literal("USER_ROLE_CHANGED"),
    entityType: z.literal("User"),
    payload: z.object({
      email: z.string(),
      before: z.object({ role: z.string() }),
      after: z.object({ role: z.string() }),
      /** A demotion ends the user's sessions. */
      sessionsRevoked: z.boolean().optional(),
    }),
  }),
  z.object({
    action: z.literal("USER_ACTIVE_CHANGED"),
    entityType: z.literal("User"),
    payload: z.object({
      email: z.string(),
      before: z.object({ active: z.boolean() }),
      after: z.object({ active: z.boolean() }),
      /** A deactivation ends the user's sessions. */
      sessionsRevoked: z.boolean().optional(),
    }),
  }),
  z.object({
    action: z.literal("USER_TEAMS_CHANGED"),
    entityType: z.literal("User"),
    payload: z.object({ email: z.string(), before: z.object({ teams: z.array(z.string()) }), after: z.object({ teams: z.array(z.string()) }) }),
  }),
  z.object({
    action: z.literal("TEAM_CREATED"),
    entityType: z.literal("Team"),
    payload: z.object({ after: z.object({ name: z.string(), slug: z.string(), description: z.string() }) }),
  }),
  z.object({
    action: z.literal("PRICE_TABLE_CHANGED"),
    entityType: z.literal("Setting"),
    payload: z.object({ before: z.record(z.string(), z.number()), after: z.record(z.string(), z.number()) }),
  }),
  z.object({
    /** An admin started a full verification of the audit chain (its progress and result: the AuditVerification row). */
    action: z.literal("AUDIT_VERIFICATION_STARTED"),
    entityType: z.literal("AuditVerification"),
    payload: z.object({ kind: z.literal("FULL"), targetSeq: z.string() }),
  }),
  z.object({
    action: z.literal("AUDIT_VERIFICATION_FINISHED"),
    entityType: z.literal("AuditVerification"),
    payload: z.object({
      kind: z.literal("FULL"),
      status: z.enum(["OK", "BROKEN", "FAILED"]),
      targetSeq: z.string(),
      events: z.number().int().min(0),
      brokenAt: z.string().nullable(),
      durationMs: z.number().int().min(0),
    }),
  }),
  z.object({
    action: z.literal("COMMENT_ADDED"),
    entityType: z.literal("Comment"),
    payload: z.object({ useCaseId: z.string(), versionNumber: z.number().int().positive(), body: z.string() }),
  }),
]);

export type AuditEventInput = z.infer<typeof auditEventInputSchema>;
export type AuditAction = AuditEventInput["action"];
