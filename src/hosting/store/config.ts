import path from "node:path";
import { boolVar, ConfigError, intVar, README_CONFIG, type Env } from "../config.ts";

/** Where the store lives and what the question log keeps, parsed once at start-up. */
export interface StoreConfig {
  /** PostgreSQL connection URL (DATABASE_URL); null = SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** Folder of the SQLite file `citebot.sqlite` (DATA_DIR), absolute. */
  dataDir: string;
  /** Whether questions are logged at all (LOG_QUESTIONS). */
  logQuestions: boolean;
  /** Whether questions asked in direct messages are logged too (LOG_DIRECT_MESSAGES). */
  logDirectMessages: boolean;
  /** Questions and votes older than this many days are deleted (LOG_RETENTION_DAYS); 0 = kept. */
  retentionDays: number;
  /** Key of the user-id hash (LOG_HASH_KEY); null = a random key kept in the store. */
  hashKey: string | null;
}

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE = "citebot.sqlite";

/** Parses the store settings; `cwd` resolves DATA_DIR. Throws ConfigError. */
export function parseStoreConfig(env: Env, cwd = process.cwd()): StoreConfig {
  const url = env["DATABASE_URL"]?.trim() || null;
  if (url !== null && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/citebot; leave it empty to use SQLite in DATA_DIR (${README_CONFIG}).`,
    );
  }
  const hashKey = env["LOG_HASH_KEY"]?.trim() || null;
  if (hashKey !== null && hashKey.length < 16) {
    throw new ConfigError(
      `LOG_HASH_KEY must be at least 16 characters (e.g. the output of openssl rand -hex 32), or empty to let citebot keep a random one (${README_CONFIG}).`,
    );
  }
  return {
    databaseUrl: url,
    dataDir: path.resolve(cwd, env["DATA_DIR"]?.trim() || "data"),
    logQuestions: boolVar(env, "LOG_QUESTIONS", true),
    logDirectMessages: boolVar(env, "LOG_DIRECT_MESSAGES", false),
    retentionDays: intVar(env, "LOG_RETENTION_DAYS", 90, 0, 36_500),
    hashKey,
  };
}

/** What the logger must never print: the DATABASE_URL password (and URL) and LOG_HASH_KEY. */
export function storeSecrets(config: StoreConfig): string[] {
  const secrets: string[] = [];
  if (config.hashKey) secrets.push(config.hashKey);
  if (config.databaseUrl) {
    secrets.push(config.databaseUrl);
    try {
      const password = decodeURIComponent(new URL(config.databaseUrl).password);
      if (password) secrets.push(password);
    } catch {
      // An unparsable URL is still redacted whole.
    }
  }
  return secrets;
}
