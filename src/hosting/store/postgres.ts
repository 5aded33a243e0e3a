import { createRequire } from "node:module";
import type pg from "pg";
import { toNumberedParams, type Database, type Queryable, type SqlValue } from "./database.ts";

/** Options for {@link createPostgresDatabase}. */
export interface PostgresOptions {
  /** Give up connecting after this long, so a dead server fails writes fast. Default 3000 ms. */
  connectTimeoutMs?: number;
  /** Most connections in the pool. Default 4. */
  maxConnections?: number;
}

/** "host:port/database", never the user or password. */
function whereOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

// pg is loaded when a Postgres store is first opened: importing it costs every start ~200 ms
// (it loads Node's fetch to detect Cloudflare), which most runs (`ask`, SQLite) never need.
const loadPg = () => createRequire(import.meta.url)("pg") as typeof pg;

/** A pool on DATABASE_URL; connects lazily, so a server that is down fails statements, not this. */
export function createPostgresDatabase(url: string, options: PostgresOptions = {}): Database {
  const { Pool } = loadPg();
  const pool = new Pool({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    max: options.maxConnections ?? 4,
  });
  // An idle connection that the server drops emits 'error' on the pool; without a listener
  // Node would crash. The next statement reconnects or fails, and its caller logs that.
  pool.on("error", () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    run: async (sql, params = []) =>
      (await client.query(toNumberedParams(sql), params as SqlValue[])).rowCount ?? 0,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(toNumberedParams(sql), params as SqlValue[])).rows as T[],
  });
  return {
    dialect: "postgres",
    where: whereOf(url),
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client whose connection drops emits 'error'; the failing query already
      // rejects with it, so the event only needs a listener (else Node treats it as a crash).
      let broken: Error | undefined;
      const onError = (err: Error) => (broken = err);
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        broken ??= err as Error;
        throw err;
      } finally {
        client.removeListener("error", onError);
        // Releasing with an error drops the connection instead of reusing it.
        client.release(broken);
      }
    },
    close: async () => {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
}
