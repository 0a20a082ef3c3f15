/**
 * Text that must never reach a client (issue 11): the names and words of the database and its
 * driver, their error codes, stack frames (`at fn (file.js:12:34)`), source locations, and
 * addresses with ports.
 */
export const INTERNAL_TEXT =
  /prisma|postgres|\bP[12]\d{3}\b|ECONN|invalid byte sequence|unsupported Unicode|out of range|\bat [^"\n]{0,200}?\.(?:[cm]?js|tsx?):\d+:\d+|\.(?:[cm]?js|tsx?):\d+|127\.0\.0\.1:\d+|localhost:\d+/i;
