/**
 * A filter's date range: `from` and `to` are calendar days (`YYYY-MM-DD`, UTC), both
 * inclusive. One definition for every filter schema (decision log, audit trail) and, through
 * `dateRangeBounds`, for the SQL that applies it (src/server/sql.ts). Pure and isomorphic.
 */
import { z } from "zod";

export const DATE_ONLY_MESSAGE = "Use a date like 2026-11-28.";
export const DATE_RANGE_ORDER_MESSAGE = "The start date must be on or before the end date.";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `YYYY-MM-DD` naming a day that exists (not 2026-02-31, not 2026-13-01). */
export function isDateOnly(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar day, `YYYY-MM-DD`. */
export const dateOnlySchema = z.string().refine(isDateOnly, DATE_ONLY_MESSAGE);

export interface DateRange {
  from?: string;
  to?: string;
}

/** The range's fields, for a filter object's schema (refine the object with `dateRangeInOrder`). */
export const dateRangeFields = { from: dateOnlySchema.optional(), to: dateOnlySchema.optional() };

/** A filter object's schema with the range's fields checked in order (`from` not after `to`, reported on `to`). */
export function withDateRangeOrder<T extends z.ZodType<DateRange>>(schema: T) {
  return schema.refine((range) => !range.from || !range.to || range.from <= range.to, { message: DATE_RANGE_ORDER_MESSAGE, path: ["to"] });
}

/** The instants the range covers: [start, end), end being midnight UTC after `to`. */
export function dateRangeBounds(range: DateRange): { start?: Date; end?: Date } {
  return {
    ...(range.from ? { start: new Date(`${range.from}T00:00:00Z`) } : {}),
    ...(range.to ? { end: new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000) } : {}),
  };
}
