import { LOG_FILTERS } from "~/features/decision-log/log-filters";
import { exportDecisionLog } from "~/features/decision-log/service";
import { exportResponse } from "~/server/export/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/decision-log?format=csv|jsonl&teamId=&status=&strategy=&override=yes|no&from=&to=&q=
 * Streams exactly what the decision log shows for those filters. Authenticated by the
 * session cookie, or by HTTP Basic for scripts (see README).
 */
export function GET(request: Request) {
  return exportResponse(request, { name: "decision-log", filters: LOG_FILTERS, open: exportDecisionLog });
}
