import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database, Queryable, SqlValue } from "./database.ts";

/**
 * Turns per file, shared by every connection of this process: SQLite's busy wait is synchronous,
 * so two connections of one process waiting on each other would block each other's thread.
 */
const turns = new Map<string, Promise<unknown>>();
let memories = 0;

/** Opens (creating when needed) the SQLite file at `file`, or `:memory:`. Throws when it can't. */
export function createSqliteDatabase(file: string): Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  // WAL lets the report read while a front end writes; NORMAL is durable across a process crash.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const direct: Queryable = {
    run: async (sql, params = []) => prepare(sql).run(...(params as SqlValue[])).changes,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      prepare(sql).all(...(params as SqlValue[])) as T[],
  };
  // A transaction must not interleave with other statements while it awaits, so every
  // operation on this file waits its turn behind the last one.
  const key = file === ":memory:" ? `:memory:${++memories}` : path.resolve(file);
  const inTurn = <T>(op: () => Promise<T>): Promise<T> => {
    const next = (turns.get(key) ?? Promise.resolve()).then(op, op);
    const settled = next.catch(() => undefined);
    turns.set(key, settled);
    void settled.then(() => turns.get(key) === settled && turns.delete(key));
    return next;
  };
  return {
    dialect: "sqlite",
    where: file,
    run: (sql, params) => inTurn(() => direct.run(sql, params)),
    all: <T>(sql: string, params?: readonly SqlValue[]) => inTurn(() => direct.all<T>(sql, params)),
    transaction: (fn) =>
      inTurn(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(direct);
          db.exec("COMMIT");
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw err;
        }
      }),
    close: () => inTurn(async () => void (db.open && db.close())),
  };
}
