/**
 * At most this many procedures in one batched tRPC request: the server refuses a longer batch
 * with 400 before any procedure runs, and the browser's batch link splits at the same size.
 */
export const MAX_BATCH_SIZE = 10;
