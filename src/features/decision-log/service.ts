import "server-only";
import type { CommandContext } from "~/server/actor";
import { exportFiltered, type ExportParams, type OpenedExport } from "~/server/export/stream";
import { DECISION_LOG_EXPORT_FORMATS } from "./format";
import { decisionLogExport } from "./queries";
import { decisionLogFilterSchema } from "./schema";

/**
 * `exportDecisionLog`: what the log shows for a filter, as CSV, JSON Lines or an Excel workbook (src/server/export:
 * one snapshot for the rows and their count; the audit event — who exported which filter, how
 * many rows — committed before the first byte).
 */
export function exportDecisionLog(ctx: CommandContext, params: ExportParams): Promise<OpenedExport> {
  return exportFiltered(ctx, params, {
    schema: decisionLogFilterSchema,
    formats: DECISION_LOG_EXPORT_FORMATS,
    plan: (filter) => ({ ...decisionLogExport(ctx.actor, filter), sheetName: "Decision log" }),
    event: (payload) => ({ action: "DECISION_LOG_EXPORTED", entityType: "DecisionLog", entityId: "decision-log", payload }),
  });
}
