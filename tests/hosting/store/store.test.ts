import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  MIGRATIONS,
  createCitebotFromTexts,
  createMemoryLogger,
  createQuestionLog,
  createStore,
  hashUser,
  migrate,
  type Database,
  type Migration,
} from "../../../src/tools.ts";
import { BACKENDS, type TestBackend } from "../../helpers/databases.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const bot = createCitebotFromTexts([
  { doc: SEED, text: readFileSync(path.join(import.meta.dirname, "../../../seeds", SEED), "utf8") },
]);
const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)("the store on $name", ({ create }) => {
  let backend: TestBackend;
  const open: Database[] = [];
  const connect = () => {
    const db = backend.open();
    open.push(db);
    return db;
  };
  beforeEach(async () => {
    backend = await create();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
    await backend.dispose();
  });

  it("applies each migration once and records it in schema_version", async () => {
    const db = connect();
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    const rows = await db.all<{ version: number }>("SELECT version FROM schema_version");
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("two processes starting at once apply the schema once between them", async () => {
    const [a, b] = await Promise.all([migrate(connect()), migrate(connect())]);
    expect([...a, ...b].sort()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("a later feature appends a migration; existing rows stay", async () => {
    const db = connect();
    await migrate(db);
    const log = createQuestionLog({ open: () => db, logger: createMemoryLogger() });
    log.record({ platform: "jsonl", answer: bot.ask("How much did Tokyo agree to pay?") });
    await log.flush();
    const extra: Migration = {
      version: MIGRATIONS.length + 1,
      name: "test: conversation turns",
      statements: ["CREATE TABLE turns (thread TEXT NOT NULL, question_id TEXT NOT NULL)"],
    };
    expect(await migrate(db, [...MIGRATIONS, extra])).toEqual([extra.version]);
    await db.run("INSERT INTO turns (thread, question_id) VALUES (?, ?)", ["t1", "q1"]);
    expect(await createStore(db).questionsSince(0)).toHaveLength(1);
  });

  it("logs the outcome, confidence, citations and a keyed hash of the user", async () => {
    const log = createQuestionLog({
      open: connect,
      logger: createMemoryLogger(),
      hashKey: "k".repeat(32),
    });
    const answer = bot.ask("How much did Tokyo agree to pay?");
    expect(answer.kind).toBe("cited");
    const id = log.record({
      platform: "discord",
      workspace: "guild-1",
      channel: "chan-1",
      user: "user-42",
      answer,
    });
    log.record({
      platform: "discord",
      user: "user-42",
      answer: bot.ask("What is the capital of France?"),
    });
    log.record({ platform: "slack", answer: bot.ask("hello") });
    await log.flush();
    const rows = await (await log.store()).questionsSince(0);
    expect(rows.map((r) => r.outcome)).toEqual(["answered", "not_found", "help"]);
    const [first, second, third] = rows;
    expect(first?.id).toBe(id);
    expect(first).toMatchObject({ platform: "discord", workspace: "guild-1", channel: "chan-1" });
    expect(first?.question).toBe("How much did Tokyo agree to pay?");
    if (answer.kind !== "cited") throw new Error("expected an answer");
    expect(first?.confidence).toBeCloseTo(answer.confidence ?? -1, 9);
    expect(first?.cited).toEqual(
      answer.excerpts.map(({ doc, line, start, end }) => ({ doc, line, start, end })),
    );
    expect(first?.userHash).toBe(hashUser("k".repeat(32), "discord", "user-42"));
    expect(first?.userHash).not.toContain("user-42");
    expect(second?.userHash).toBe(first?.userHash);
    expect(second?.confidence).toBeGreaterThanOrEqual(0);
    expect(third).toMatchObject({ platform: "slack", userHash: null, confidence: null, cited: [] });
    await log.close();
  });

  it("without LOG_HASH_KEY a random key is created once and kept in the store", async () => {
    const first = createQuestionLog({ open: connect, logger: createMemoryLogger() });
    first.record({ platform: "slack", user: "U1", answer: bot.ask("hi") });
    await first.close();
    const second = createQuestionLog({ open: connect, logger: createMemoryLogger() });
    second.record({ platform: "slack", user: "U1", answer: bot.ask("hi") });
    await second.flush();
    const rows = await (await second.store()).questionsSince(0);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.userHash).toMatch(/^[0-9a-f]{32}$/);
    expect(rows[1]?.userHash).toBe(rows[0]?.userHash);
    await second.close();
  });

  it("keeps one vote per person per answer, the last one, with a 👎's reason", async () => {
    const log = createQuestionLog({ open: connect, logger: createMemoryLogger() });
    const id = log.record({
      platform: "slack",
      answer: bot.ask("How much did Tokyo agree to pay?"),
    });
    expect(id).not.toBeNull();
    const questionId = id ?? "";
    log.vote({ questionId, platform: "slack", user: "U1", vote: 1 });
    log.vote({ questionId, platform: "slack", user: "U2", vote: -1 });
    log.vote({ questionId, platform: "slack", user: "U2", vote: -1, reason: "  wrong amount " });
    log.vote({ questionId, platform: "slack", user: "U1", vote: -1 });
    log.vote({ questionId, platform: "slack", user: "U1", vote: 1 });
    await log.flush();
    const votes = await (await log.store()).feedbackSince(0);
    expect(votes).toHaveLength(2);
    const byVote = votes.map((v) => [v.vote, v.reason]).sort();
    expect(byVote).toEqual([
      [-1, "wrong amount"],
      [1, null],
    ]);
    await log.close();
  });

  it("deletes questions and votes older than LOG_RETENTION_DAYS when it opens", async () => {
    let clock = Date.UTC(2026, 0, 1);
    const old = createQuestionLog({
      open: connect,
      logger: createMemoryLogger(),
      now: () => clock,
    });
    const id = old.record({ platform: "jsonl", answer: bot.ask("hi") }) ?? "";
    old.vote({ questionId: id, platform: "jsonl", user: "u", vote: -1 });
    await old.close();
    clock += 10 * DAY;
    const recent = createQuestionLog({
      open: connect,
      logger: createMemoryLogger(),
      now: () => clock,
    });
    recent.record({ platform: "jsonl", answer: bot.ask("thanks") });
    await recent.close();
    clock += 25 * DAY;
    const log = createQuestionLog({
      open: connect,
      logger: createMemoryLogger(),
      retentionDays: 30,
      now: () => clock,
    });
    const store = await log.store();
    expect((await store.questionsSince(0)).map((q) => q.question)).toEqual(["thanks"]);
    expect(await store.feedbackSince(0)).toEqual([]);
    await log.close();
  });

  it("keeps nothing from a direct message unless told to", async () => {
    const quiet = createQuestionLog({ open: connect, logger: createMemoryLogger() });
    expect(quiet.record({ platform: "slack", direct: true, answer: bot.ask("hi") })).toBeNull();
    await quiet.close();
    const told = createQuestionLog({
      open: connect,
      logger: createMemoryLogger(),
      logDirectMessages: true,
    });
    expect(told.record({ platform: "slack", direct: true, answer: bot.ask("hi") })).not.toBeNull();
    await told.flush();
    expect(await (await told.store()).questionsSince(0)).toHaveLength(1);
    await told.close();
  });

  it("stores hostile text verbatim (quotes, NUL-free unicode, SQL)", async () => {
    const log = createQuestionLog({ open: connect, logger: createMemoryLogger() });
    const text = `Robert'); DROP TABLE questions;-- "ok" 🙂 \u202e ?`;
    log.record({ platform: "jsonl", channel: "?", answer: bot.ask(text) });
    await log.flush();
    const [row] = await (await log.store()).questionsSince(0);
    expect(row?.question).toBe(bot.ask(text).question);
    expect(row?.channel).toBe("?");
    await log.close();
  });
});
