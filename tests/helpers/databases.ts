import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type Database,
  type Dialect,
} from "../../src/tools.ts";

/** What .ci/services.sh creates; a developer runs `source .ci/services.sh` once (as root). */
const LOCAL_URL = "postgres://citebot:citebot@127.0.0.1:5432/citebot_test";

/** The PostgreSQL server the tests use: TEST_DATABASE_URL, else the one .ci/services.sh starts. */
export const TEST_DATABASE_URL = process.env["TEST_DATABASE_URL"] || LOCAL_URL;

/** A fresh, empty place for one test's data, on one engine. */
export interface TestBackend {
  dialect: Dialect;
  /** Opens a new connection to this backend's database (several may be open at once). */
  open(): Database;
  /** DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite) naming it, for processes under test. */
  env: Record<string, string>;
  /** Drops the database or deletes the folder. */
  dispose(): Promise<void>;
}

let counter = 0;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `the PostgreSQL tests need a server at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ":***@")} ` +
        `(${(err as Error).message}); run "source .ci/services.sh" as root, or set TEST_DATABASE_URL`,
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty SQLite file in a temporary folder. */
export async function createSqliteBackend(): Promise<TestBackend> {
  const dir = mkdtempSync(path.join(tmpdir(), "citebot-store-"));
  return {
    dialect: "sqlite",
    open: () => createSqliteDatabase(path.join(dir, "citebot.sqlite")),
    env: { DATA_DIR: dir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new empty PostgreSQL database on the test server, dropped by dispose(). */
export async function createPostgresBackend(): Promise<TestBackend> {
  const name = `citebot_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    dialect: "postgres",
    open: () => createPostgresDatabase(url.toString()),
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Both engines, for `describe.each`: the same suite runs against SQLite and PostgreSQL. */
export const BACKENDS = [
  { name: "SQLite", create: createSqliteBackend },
  { name: "PostgreSQL", create: createPostgresBackend },
] as const;
