import { AUDIT_FILTERS } from "~/features/audit/audit-params";
import { exportAuditLog } from "~/features/audit/service";
import { hasRole } from "~/lib/roles";
import { exportResponse } from "~/server/export/http";

export const dynamic = "force-dynamic";

/** GET /api/export/audit-log?format=csv|jsonl&actor=&action=&entityType=&entityId=&from=&to= (admins). */
export function GET(request: Request) {
  return exportResponse(request, {
    name: "audit-log",
    filters: AUDIT_FILTERS,
    forbidden: (actor) => (hasRole(actor.role, "ADMIN") ? null : "Only admins export the audit trail."),
    open: exportAuditLog,
  });
}
