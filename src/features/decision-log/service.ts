import "server-only";
import type { Readable } from "node:stream";
import type { Actor } from "~/server/actor";
import { writeAuditEvent } from "~/server/audit";
import { db } from "~/server/db";
import { ValidationError, validationErrorFromIssues } from "~/server/errors";
import { streamDecisionLog } from "./queries";
import { decisionLogFilterSchema, EXPORT_FORMATS, type ExportFormat } from "./schema";

/**
 * `exportDecisionLog`: validates the filter, streams the rows and, once the whole file has
 * been read, records who exported what filter and how many rows.
 */
export async function exportDecisionLog(
  ctx: { actor: Actor; now: () => Date; requestId?: string | null },
  params: { filter: Record<string, string>; format: string },
): Promise<{ stream: Readable; format: ExportFormat }> {
  const format = EXPORT_FORMATS.find((f) => f === params.format);
  if (!format) throw new ValidationError("Choose csv or jsonl.", { format: ["Choose csv or jsonl."] });
  const parsed = decisionLogFilterSchema.safeParse(params.filter);
  if (!parsed.success) throw validationErrorFromIssues("Some filters are not valid.", parsed.error.issues);
  const stream = await streamDecisionLog(ctx.actor, parsed.data, format, async (rows) => {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, {
        actor: { id: ctx.actor.id, name: ctx.actor.name, email: ctx.actor.email },
        now: ctx.now(),
        requestId: ctx.requestId,
        action: "DECISION_LOG_EXPORTED",
        entityType: "DecisionLog",
        entityId: "decision-log",
        payload: { format, filter: params.filter, rows },
      }),
    );
  });
  return { stream, format };
}
