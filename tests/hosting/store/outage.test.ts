import { writeFileSync, mkdtempSync, rmSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  createCitebotFromTexts,
  createMemoryLogger,
  createPostgresDatabase,
  createQuestionLog,
  createSqliteDatabase,
} from "../../../src/tools.ts";
import { createPostgresBackend, type TestBackend } from "../../helpers/databases.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const bot = createCitebotFromTexts([
  { doc: SEED, text: readFileSync(path.join(import.meta.dirname, "../../../seeds", SEED), "utf8") },
]);
const QUESTIONS = ["How much did Tokyo agree to pay?", "What is the capital of France?", "hi"];

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP relay in front of PostgreSQL that a test can cut and restore, like a failing network. */
function createRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server?.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  const stop = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = null;
  };
  return { start, stop };
}

const warnings = (lines: string[]) => lines.filter((l) => l.includes(" warn "));

describe("a store that is down never stops an answer", () => {
  let backend: TestBackend | null = null;
  let dir: string | null = null;
  afterEach(async () => {
    await backend?.dispose();
    backend = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it("PostgreSQL on a closed port: every question answered, one warning", async () => {
    const logger = createMemoryLogger(["secret-password"]);
    const url = `postgres://citebot:secret-password@127.0.0.1:${await closedPort()}/citebot`;
    const log = createQuestionLog({ open: () => createPostgresDatabase(url), logger });
    for (let round = 0; round < 3; round++) {
      for (const q of QUESTIONS) {
        const answer = bot.ask(q);
        expect(log.record({ platform: "jsonl", answer })).not.toBeNull();
      }
      await log.flush();
    }
    expect(warnings(logger.lines)).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/question log: cannot write to the store/);
    expect(logger.lines.join("\n")).not.toContain("secret-password");
    await log.close();
  });

  it("SQLite whose DATA_DIR cannot be created: every question answered, one warning", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "citebot-down-"));
    writeFileSync(path.join(dir, "data"), "a file where the folder should be");
    const logger = createMemoryLogger();
    const log = createQuestionLog({
      open: () => createSqliteDatabase(path.join(dir ?? "", "data", "citebot.sqlite")),
      logger,
    });
    for (const q of QUESTIONS) log.record({ platform: "jsonl", answer: bot.ask(q) });
    await log.flush();
    for (const q of QUESTIONS) log.record({ platform: "jsonl", answer: bot.ask(q) });
    await log.flush();
    expect(warnings(logger.lines)).toHaveLength(1);
    await log.close();
  });

  it("PostgreSQL cut off mid-run: one warning, then logging again once it is back", async () => {
    backend = await createPostgresBackend();
    const target = new URL(backend.env["DATABASE_URL"] ?? "");
    const relay = createRelay({ host: target.hostname, port: Number(target.port || 5432) });
    const port = await relay.start();
    const url = new URL(target);
    url.port = String(port);
    const logger = createMemoryLogger();
    const log = createQuestionLog({ open: () => createPostgresDatabase(url.toString()), logger });

    log.record({ platform: "jsonl", answer: bot.ask("before") });
    await log.flush();
    await relay.stop();
    for (const q of QUESTIONS) log.record({ platform: "jsonl", answer: bot.ask(`during ${q}`) });
    await log.flush();
    log.record({ platform: "jsonl", answer: bot.ask("still during") });
    await log.flush();
    expect(warnings(logger.lines)).toHaveLength(1);

    await relay.start();
    log.record({ platform: "jsonl", answer: bot.ask("after") });
    await log.flush();
    expect(logger.lines.at(-1)).toMatch(
      /question log: writing again \(4 entries were not logged\)/,
    );
    const rows = await (await log.store()).questionsSince(0);
    expect(rows.map((r) => r.question)).toEqual(["before", "after"]);
    await log.close();
    await relay.stop();
  });

  it("PostgreSQL killing citebot's connections: the next writes reconnect", async () => {
    backend = await createPostgresBackend();
    const url = backend.env["DATABASE_URL"] ?? "";
    const logger = createMemoryLogger();
    const log = createQuestionLog({ open: () => createPostgresDatabase(url), logger });
    log.record({ platform: "jsonl", answer: bot.ask("before") });
    await log.flush();
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    const killed = await killer.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await killer.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    log.record({ platform: "jsonl", answer: bot.ask("after") });
    await log.flush();
    log.record({ platform: "jsonl", answer: bot.ask("later") });
    await log.flush();
    const rows = await (await log.store()).questionsSince(0);
    expect(rows.map((r) => r.question)).toContain("later");
    expect(warnings(logger.lines).length).toBeLessThanOrEqual(1);
    await log.close();
  });
});
