/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;

/** Which SQL engine a {@link Database} talks to. */
export type Dialect = "sqlite" | "postgres";

/** What a statement can run against: the database itself or an open transaction. */
export interface Queryable {
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a query; resolves to its rows (column names as written in the SQL). */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

/**
 * The store's port: one small async interface over SQLite and PostgreSQL, so the same tables,
 * migrations and tests serve both. SQL is written once with `?` placeholders in the subset both
 * engines accept (TEXT, BIGINT, DOUBLE PRECISION, ON CONFLICT … DO UPDATE).
 */
export interface Database extends Queryable {
  readonly dialect: Dialect;
  /** Where it is, for log lines (a file path, or host/database without credentials). */
  readonly where: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connection(s); pending statements finish first. */
  close(): Promise<void>;
}

/** Rewrites `?` placeholders as PostgreSQL's `$1, $2, …` (our SQL has no `?` inside strings). */
export function toNumberedParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
