import path from "node:path";
import type { Logger } from "../logger.ts";
import { SQLITE_FILE, type StoreConfig } from "./config.ts";
import type { Database } from "./database.ts";
import { createPostgresDatabase } from "./postgres.ts";
import { createQuestionLog, type QuestionLog } from "./question-log.ts";
import { createSqliteDatabase } from "./sqlite.ts";

/** The database the config names: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR. */
export function openDatabase(config: StoreConfig): Database {
  return config.databaseUrl
    ? createPostgresDatabase(config.databaseUrl)
    : createSqliteDatabase(path.join(config.dataDir, SQLITE_FILE));
}

/** The question log the config asks for, or null when LOG_QUESTIONS is off. */
export function openQuestionLog(config: StoreConfig, logger: Logger): QuestionLog | null {
  if (!config.logQuestions) return null;
  return createQuestionLog({
    open: () => openDatabase(config),
    logger,
    logDirectMessages: config.logDirectMessages,
    retentionDays: config.retentionDays,
    hashKey: config.hashKey,
  });
}
