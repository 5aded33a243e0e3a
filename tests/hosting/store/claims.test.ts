import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDatabaseClaims,
  createMemoryClaims,
  createMemoryLogger,
  createPostgresDatabase,
  migrate,
  openEventClaims,
  parseStoreConfig,
  type Database,
} from "../../../src/tools.ts";
import { BACKENDS, type TestBackend } from "../../helpers/databases.ts";

const TIMES = { leaseMs: 1000, keepMs: 10_000 };

describe.each(BACKENDS)("event claims on $name", ({ create }) => {
  let backend: TestBackend;
  const open: Database[] = [];
  const connect = () => {
    const db = backend.open();
    open.push(db);
    return db;
  };
  beforeEach(async () => {
    backend = await create();
    await migrate(connect());
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
    await backend.dispose();
  });

  it("two replicas claiming the same events at once: each event goes to exactly one", async () => {
    const clock = () => 5_000;
    const a = createDatabaseClaims(connect(), { times: TIMES, owner: "a", now: clock });
    const b = createDatabaseClaims(connect(), { times: TIMES, owner: "b", now: clock });
    const ids = Array.from({ length: 40 }, (_, i) => `slack:event:Ev${i}`);
    const won = await Promise.all(ids.flatMap((id) => [a.claim(id), b.claim(id)]));
    for (let i = 0; i < ids.length; i++) {
      expect([won[2 * i], won[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    }
    expect(await a.claim(ids[0] ?? "")).toBe(false);
  });

  it("a claim lapses after its lease (its replica died) but an answered event is kept", async () => {
    let now = 0;
    const a = createDatabaseClaims(connect(), { times: TIMES, owner: "a", now: () => now });
    const b = createDatabaseClaims(connect(), { times: TIMES, owner: "b", now: () => now });
    expect(await a.claim("died")).toBe(true);
    expect(await a.claim("answered")).toBe(true);
    await a.done("answered");
    now = TIMES.leaseMs + 1;
    expect(await b.claim("died")).toBe(true);
    expect(await b.claim("answered")).toBe(false);
    now = TIMES.keepMs + 1;
    expect(await b.claim("answered")).toBe(true);
  });

  it("openEventClaims migrates the database it is given before the first claim", async () => {
    const fresh = await create();
    try {
      const config = parseStoreConfig(fresh.env);
      const logger = createMemoryLogger();
      const claims = openEventClaims(config, { logger, open: fresh.open });
      expect(await claims.claim("x")).toBe(true);
      expect(await claims.claim("x")).toBe(false);
      await claims.close();
      expect(logger.lines.filter((l) => l.includes(" warn "))).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });
});

describe("event claims without the shared database", () => {
  it("in memory: a retry of a claimed event is refused until its lease ends", async () => {
    let now = 0;
    const claims = createMemoryClaims(TIMES, () => now);
    expect(await claims.claim("e")).toBe(true);
    expect(await claims.claim("e")).toBe(false);
    now = TIMES.leaseMs + 1;
    expect(await claims.claim("e")).toBe(true);
    await claims.done("e");
    now += TIMES.leaseMs + 1;
    expect(await claims.claim("e")).toBe(false);
  });

  it("a database that is down: events are still claimed (once) in memory, with one warning", async () => {
    const logger = createMemoryLogger(["s3cret-password"]);
    const url = "postgres://citebot:s3cret-password@127.0.0.1:1/citebot";
    const claims = openEventClaims(parseStoreConfig({ DATABASE_URL: url }), {
      logger,
      open: () => createPostgresDatabase(url, { connectTimeoutMs: 500 }),
    });
    expect(await claims.claim("e1")).toBe(true);
    expect(await claims.claim("e1")).toBe(false);
    expect(await claims.claim("e2")).toBe(true);
    await claims.close();
    const warnings = logger.lines.filter((l) => l.includes(" warn "));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("claimed in this process only");
    expect(logger.lines.join("\n")).not.toContain("s3cret-password");
  });
});
