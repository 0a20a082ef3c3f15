import "server-only";
import type { CommandContext } from "~/server/actor";
import { exportFiltered, type OpenedExport } from "~/server/export/stream";
import { auditLogExport } from "./queries";
import { auditFilterSchema } from "./schema-filters";

/** Admins export the audit trail the same way as the decision log (src/server/export): one snapshot, audited before the first byte. */
export function exportAuditLog(ctx: CommandContext, params: { filter: Record<string, string>; format: string }): Promise<OpenedExport> {
  return exportFiltered(ctx, params, {
    schema: auditFilterSchema,
    plan: auditLogExport,
    event: (payload) => ({ action: "AUDIT_LOG_EXPORTED", entityType: "AuditLog", entityId: "audit-log", payload }),
  });
}
