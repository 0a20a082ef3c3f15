import pino, { type Logger } from "pino";
import { LOG_LEVELS } from "~/env";

/**
 * The server's structured log: one JSON object per line on stdout (pino).
 * - `LOG_LEVEL` (fatal, error, warn, info, debug, trace, silent) sets the threshold; the
 *   default is `info`, and `silent` under Vitest so that test output stays readable (set
 *   LOG_LEVEL to see the lines in a test run).
 * - Every tRPC request and export writes one `request` line (requestId, userId, path, type,
 *   status, durationMs); an unexpected error is logged once more, with its stack; expected
 *   refusals (signed out, forbidden, invalid input, busy database) never carry a stack.
 * Database and driver text goes here, never to a client.
 */
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logLevelFrom(env: Record<string, string | undefined>): LogLevel {
  const wanted = env.LOG_LEVEL?.trim();
  if (wanted && (LOG_LEVELS as readonly string[]).includes(wanted)) return wanted as LogLevel;
  return env.VITEST ? "silent" : "info";
}

export const logger: Logger = pino({
  level: logLevelFrom(process.env),
  base: { service: "servewise" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** Who and what a log line is about. */
export interface RequestLogFields {
  requestId: string;
  userId?: string | null;
  path?: string;
}

/** An error's name and message only: for expected refusals, which need no stack. */
export function briefly(error: unknown): { type: string; message: string } {
  if (error instanceof Error) return { type: error.name, message: error.message };
  return { type: typeof error, message: String(error) };
}
