import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseStoreConfig } from "../../../src/index.ts";

describe("parseStoreConfig", () => {
  it("defaults to SQLite in ./data, logging on, DMs off, 90 days", () => {
    expect(parseStoreConfig({}, "/srv/bot")).toEqual({
      databaseUrl: null,
      dataDir: path.resolve("/srv/bot/data"),
      logQuestions: true,
      logDirectMessages: false,
      retentionDays: 90,
      hashKey: null,
    });
  });

  it("reads every variable", () => {
    const config = parseStoreConfig(
      {
        DATABASE_URL: "postgresql://u:p@db:5432/citebot",
        DATA_DIR: "state",
        LOG_QUESTIONS: "off",
        LOG_DIRECT_MESSAGES: "yes",
        LOG_RETENTION_DAYS: "0",
        LOG_HASH_KEY: "0123456789abcdef0123",
      },
      "/srv/bot",
    );
    expect(config).toEqual({
      databaseUrl: "postgresql://u:p@db:5432/citebot",
      dataDir: path.resolve("/srv/bot/state"),
      logQuestions: false,
      logDirectMessages: true,
      retentionDays: 0,
      hashKey: "0123456789abcdef0123",
    });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ LOG_RETENTION_DAYS: "-1" }, /LOG_RETENTION_DAYS must be a whole number/],
    [{ LOG_QUESTIONS: "maybe" }, /LOG_QUESTIONS must be true or false/],
    [{ LOG_HASH_KEY: "short" }, /LOG_HASH_KEY must be at least 16 characters/],
  ])("%j stops start-up with a line naming it", (env, message) => {
    expect(() => parseStoreConfig(env)).toThrow(ConfigError);
    expect(() => parseStoreConfig(env)).toThrow(message);
  });

  it("never puts the password of DATABASE_URL in its message", () => {
    expect(() => parseStoreConfig({ DATABASE_URL: "mysql://u:hunter2@x/db" })).toThrow(
      /^(?!.*hunter2)/s,
    );
  });
});
