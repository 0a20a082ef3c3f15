import "server-only";
import type { CommandContext } from "~/server/actor";
import { exportFiltered, type ExportParams, type OpenedExport } from "~/server/export/stream";
import { DECISION_LOG_EXPORT_FORMATS } from "./format";
import { decisionLogExport, reevaluationKeyFor } from "./queries";
import { decisionLogFilterSchema } from "./schema";

/**
 * `exportDecisionLog`: what the log shows for a filter, as CSV, JSON Lines or an Excel workbook (src/server/export:
 * one snapshot for the rows and their count; the audit event — who exported which filter, how
 * many rows — committed before the first byte).
 */
export async function exportDecisionLog(ctx: CommandContext, params: ExportParams): Promise<OpenedExport> {
  // The "would change" filter reads the re-evaluation cache: refresh it first (only when the
  // filter is valid and asks for it; an invalid filter is refused by exportFiltered).
  const changed = decisionLogFilterSchema.safeParse(params.filter);
  const reevaluatedWith = changed.success ? await reevaluationKeyFor(changed.data) : null;
  return exportFiltered(ctx, params, {
    schema: decisionLogFilterSchema,
    formats: DECISION_LOG_EXPORT_FORMATS,
    plan: (filter) => ({ ...decisionLogExport(ctx.actor, filter, reevaluatedWith), sheetName: "Decision log" }),
    event: (payload) => ({ action: "DECISION_LOG_EXPORTED", entityType: "DecisionLog", entityId: "decision-log", payload }),
  });
}
