import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { FakeShardedGateway, shardOf } from "../helpers/fake-discord-shards.ts";
import { runDiscord } from "../helpers/run-discord.ts";
import { withoutMarkup } from "../helpers/without-markup.ts";

const TOKEN = "MTIzNDU2.secret-part.do-not-log-me";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "citebot-shards-"));
  await writeFile(
    path.join(dir, "faq.md"),
    "# FAQ\n\nThe rate limit is five questions a minute per user.\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const isReplyTo = (id: string) => (r: RecordedRequest) =>
  r.method === "POST" && r.body?.message_reference?.message_id === id;

describe("npm run discord on one machine, where Discord recommends 4 shards", () => {
  let fake: FakeDiscord;
  let gateway: FakeShardedGateway;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
    // Two identify buckets: shards 0 and 1 start at once, 2 and 3 one window later.
    gateway = await FakeShardedGateway.start(fake, { shards: 4, maxConcurrency: 2 });
  });
  afterEach(async () => {
    await gateway.close();
    await fake.close();
  });

  test("four shard processes answer on every shard and a DM once, survive a killed shard, register commands once", async () => {
    // The manager builds the index once; the shard processes read it (INDEX_MODE=read).
    const cache = await mkdtemp(path.join(tmpdir(), "citebot-shards-index-"));
    const bot = runDiscord(dir, {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      HEALTH_PORT: "0",
      INDEX_CACHE_DIR: cache,
    });
    const [, port] = await bot.printed(/health: \/healthz and \/readyz on port (\d+)/);
    const probe = async (p: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${p}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(gateway.guilds.map((g) => shardOf(g.id, 4))).toEqual([0, 1, 2, 3]);
    await gateway.waitFor(() => (gateway.identifies().length >= 4 ? true : undefined));
    await bot.printed(/(discord: shard \d ready[\s\S]*){4}/);
    expect(await probe("/readyz")).toMatchObject({
      status: 200,
      body: { ready: true, shards: [0, 1, 2, 3], shardCount: 4, shardsReady: 4 },
    });
    // Each shard identified with its own [id, 4]; none sooner than its bucket allows.
    expect(
      gateway
        .identifies()
        .map((e) => e.shard)
        .sort(),
    ).toEqual([0, 1, 2, 3]);
    expect(gateway.events.filter((e) => e.type === "rate-limited" || e.type === "refused")).toEqual(
      [],
    );

    const ask = (shard: number, direct = false) =>
      gateway.message({ shard, direct, content: `<@${fake.bot.id}> what is the rate limit?` });
    const asked = [0, 1, 2, 3].map((shard) => ask(shard));
    asked.push(ask(0, true));
    for (const id of asked) {
      const reply = await fake.waitForRequest(isReplyTo(id));
      expect(withoutMarkup(reply.body.embeds[0].description)).toContain("five questions a minute");
    }

    // Kill shard 2's process: the others keep answering, and shard 2 comes back.
    const [, pid] = await bot.printed(/shard 2 of 4 started pid=(\d+)/);
    const identifiesOf2 = gateway.identifies(2).length;
    process.kill(Number(pid), "SIGKILL");
    await gateway.waitFor(() => (gateway.open(2) === 0 ? true : undefined));
    const whileDown = ask(1);
    await fake.waitForRequest(isReplyTo(whileDown));
    expect((await probe("/healthz")).status).toBe(200);
    await gateway.waitFor(() =>
      gateway.identifies(2).length > identifiesOf2 && gateway.open(2) === 1 ? true : undefined,
    );
    const afterRestart = ask(2);
    await fake.waitForRequest(isReplyTo(afterRestart));
    asked.push(whileDown, afterRestart);

    bot.child.kill("SIGTERM");
    const { code, output } = await bot.exited;
    expect(code).toBe(0);
    // Every answer was given exactly once, the commands were registered once, all sessions closed.
    for (const id of asked) expect(fake.requests.filter(isReplyTo(id))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
    expect([0, 1, 2, 3].map((s) => gateway.open(s))).toEqual([0, 0, 0, 0]);
    expect(gateway.events.filter((e) => e.type === "rate-limited")).toEqual([]);
    expect(output).toContain("shard 2 exited; starting it again");
    expect(output).not.toContain("secret-part");
    await rm(cache, { recursive: true, force: true });
  }, 120_000); // four processes start, two identify windows apart, and one starts again
});

describe("npm run discord on two machines: SHARD_COUNT=4 with SHARD_IDS 0,1 and 2,3", () => {
  let fake: FakeDiscord;
  let gateway: FakeShardedGateway;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
    // Four buckets: the two machines' shards never share one, so neither waits for the other.
    gateway = await FakeShardedGateway.start(fake, { shards: 4, maxConcurrency: 4 });
  });
  afterEach(async () => {
    await gateway.close();
    await fake.close();
  });

  test("each process serves its own shards in one client; only shard 0's registers the commands", async () => {
    const machine = (ids: string) =>
      runDiscord(dir, {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        HEALTH_PORT: "0",
        INDEX_CACHE_DIR: "off",
        SHARD_COUNT: "4",
        SHARD_IDS: ids,
      });
    const machines = [machine("0,1"), machine("2-3")];
    await gateway.waitFor(() => [0, 1, 2, 3].every((s) => gateway.open(s) === 1) || undefined);
    const [, port] = await machines[1]!.printed(/on port (\d+)/);
    await machines[1]!.printed(/logged in as citebot/);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toMatchObject({ ready: true, shards: [2, 3], shardCount: 4 });

    const asked = [0, 1, 2, 3].map((shard) =>
      gateway.message({ shard, content: `<@${fake.bot.id}> what is the rate limit?` }),
    );
    asked.push(gateway.message({ direct: true, content: "what is the rate limit?" }));
    for (const id of asked) await fake.waitForRequest(isReplyTo(id));

    for (const m of machines) m.child.kill("SIGTERM");
    const exits = await Promise.all(machines.map((m) => m.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    for (const id of asked) expect(fake.requests.filter(isReplyTo(id))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
    expect(exits[0]?.output).toMatch(/registered \/ask.*shard=0,1/);
    expect(exits[1]?.output).not.toContain("registered");
    expect(gateway.events.filter((e) => e.type === "rate-limited")).toEqual([]);
  }, 60_000);
});
