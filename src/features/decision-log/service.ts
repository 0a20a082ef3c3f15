import "server-only";
import type { CommandContext } from "~/server/actor";
import { exportFiltered, type OpenedExport } from "~/server/export/stream";
import { decisionLogExport } from "./queries";
import { decisionLogFilterSchema } from "./schema";

/**
 * `exportDecisionLog`: what the log shows for a filter, as CSV or JSON Lines (src/server/export:
 * one snapshot for the rows and their count; the audit event — who exported which filter, how
 * many rows — committed before the first byte).
 */
export function exportDecisionLog(ctx: CommandContext, params: { filter: Record<string, string>; format: string }): Promise<OpenedExport> {
  return exportFiltered(ctx, params, {
    schema: decisionLogFilterSchema,
    plan: (filter) => decisionLogExport(ctx.actor, filter),
    event: (payload) => ({ action: "DECISION_LOG_EXPORTED", entityType: "DecisionLog", entityId: "decision-log", payload }),
  });
}
