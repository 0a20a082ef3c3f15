/**
 * Bulk synthetic decision versions for scale tests and benchmarks (not for demos): one use
 * case per 1,000 versions, spread over a year, mixed statuses and strategies, some overrides.
 */
import type pg from "pg";

export async function insertSyntheticDecisions(
  client: pg.Client | pg.PoolClient,
  params: { teamId: string; userId: string; reviewerId: string; count: number; titlePrefix: string },
): Promise<void> {
  const perUseCase = 1000;
  const useCases = Math.ceil(params.count / perUseCase);
  await client.query(
    `INSERT INTO "UseCase" (id, "teamId", title, tags, status, "createdById", "createdAt", "updatedAt")
     SELECT $1 || '-' || g, $2, CASE WHEN g % 7 = 0 THEN '=SUM(A1) ' ELSE '' END || $3 || ' ' || g,
            ARRAY['synthetic', 'batch-' || (g % 5)], 'APPROVED', $4, now(), now()
     FROM generate_series(1, $5::int) g`,
    [`syn-${params.titlePrefix}`, params.teamId, params.titlePrefix, params.userId, useCases],
  );
  await client.query(
    `INSERT INTO "DecisionVersion" (id, "useCaseId", number, status, answers, assessment, "engineVersion", recommended, confidence,
        "monthlyCostUsd", "idempotencyKey", "submittedById", "submittedAt", version, "approvedStrategy", "isOverride",
        "overrideJustification", "reviewedById", "reviewedAt")
     SELECT $1 || '-v' || g, $1 || '-' || (1 + (g - 1) / ${perUseCase}), 1 + (g - 1) % ${perUseCase},
            (ARRAY['APPROVED','REJECTED','SUPERSEDED','CHANGES_REQUESTED','WITHDRAWN'])[1 + g % 5]::"DecisionStatus",
            '{}'::jsonb, '{}'::jsonb, '1.1.0',
            (ARRAY['batch','realtime','async','streaming','hybrid','edge'])[1 + g % 6],
            (g % 100) / 100.0, (g % 5000) * 1.5, gen_random_uuid(), $2,
            timestamptz '2026-01-01' + (g * interval '5 minutes'), 2,
            (ARRAY['batch','realtime','async','streaming','hybrid','edge'])[1 + (g + (g % 11 = 0)::int) % 6],
            g % 11 = 0, CASE WHEN g % 11 = 0 THEN 'Synthetic override' END, $3,
            timestamptz '2026-01-01' + (g * interval '5 minutes') + interval '1 day'
     FROM generate_series(1, $4::int) g`,
    [`syn-${params.titlePrefix}`, params.userId, params.reviewerId, params.count],
  );
  await client.query(`ANALYZE "DecisionVersion"; ANALYZE "UseCase"`);
}
