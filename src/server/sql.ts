import { dateRangeBounds, type DateRange } from "~/lib/date-range";

/** A statement and its bind parameters (`$1`, `$2`, … in `text`). */
export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * Builds a parameterised WHERE clause, one condition at a time: the one translation of a
 * filter into SQL that a page, its count and its export share. Values never enter the text;
 * `param()` binds them.
 */
export class SqlWhere {
  readonly values: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Binds a value; returns its placeholder. */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  and(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** `column` within the range: from `from` 00:00 UTC, up to (not including) the day after `to`. */
  dateRange(column: string, range: DateRange): this {
    const { start, end } = dateRangeBounds(range);
    if (start) this.and(`${column} >= ${this.param(start.toISOString())}::timestamptz`);
    if (end) this.and(`${column} < ${this.param(end.toISOString())}::timestamptz`);
    return this;
  }

  /** `WHERE a AND b …`, or "" without conditions. */
  get text(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(" AND ")}` : "";
  }

  /** A statement built around this clause, sharing its parameters. */
  query(build: (where: string) => string): SqlQuery {
    return { text: build(this.text), values: [...this.values] };
  }
}

/** An ILIKE pattern matching `text` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
