/**
 * The audit filter form's choices, from the audit writer's typed payload union (zod): read on
 * the server and passed to the form, so the browser gets the lists without zod.
 */
import { auditEventInputSchema } from "~/server/audit-events";

/** Every action the audit writer knows, from its typed payload union (A→Z). */
export const AUDIT_ACTIONS: readonly string[] = [...new Set(auditEventInputSchema.options.map((o) => o.shape.action.value as string))].sort();
/** Every entity type an event can be about (A→Z). */
export const AUDIT_ENTITY_TYPES: readonly string[] = [...new Set(auditEventInputSchema.options.map((o) => o.shape.entityType.value as string))].sort();
