import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.BCRYPT_ROUNDS = "4";
// These tests drive hundreds of concurrent actions through one process's pool of 10 on a
// machine that may be busy: they check integrity under contention, not the "busy, retry"
// answer (tests/system/busy-hour.test.ts checks that, with the default 5 s wait).
process.env.DATABASE_POOL_TIMEOUT_MS ??= "30000";
process.env.DATABASE_TRANSACTION_TIMEOUT_MS ??= "60000";
