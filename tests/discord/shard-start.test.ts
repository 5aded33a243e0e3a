import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeDiscord } from "../helpers/fake-discord.ts";
import { FakeShardedGateway } from "../helpers/fake-discord-shards.ts";
import { runDiscord } from "../helpers/run-discord.ts";

const TOKEN = "MTIzNDU2.secret-part.do-not-log-me";

let dir: string;
let fake: FakeDiscord;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "citebot-shard-start-"));
  await writeFile(path.join(dir, "faq.md"), "# FAQ\n\nThe rate limit is five a minute.\n");
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe("npm run discord: shard settings at start-up", () => {
  test("SHARD_IDS without SHARD_COUNT stops start-up with one line, before connecting", async () => {
    const from = fake.requests.length;
    const { code, output } = await runDiscord(dir, {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      INDEX_CACHE_DIR: "off",
      SHARD_IDS: "0,1",
    }).exited;
    expect(code).toBe(1);
    expect(output).toMatch(
      /^citebot: SHARD_IDS needs SHARD_COUNT set to the total number of shards across all machines.*"Sharding" under Deployment in README\.md.*\n$/,
    );
    expect(fake.requests.length).toBe(from);
  });

  test("a token Discord refuses when asked for the shard count: one line without the token", async () => {
    fake.intercept((r) =>
      r.path === "/gateway/bot"
        ? { status: 401, body: { message: "401: Unauthorized", code: 0 } }
        : undefined,
    );
    const { code, output } = await runDiscord(dir, {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      INDEX_CACHE_DIR: "off",
    }).exited;
    expect(code).toBe(1);
    expect(output).toMatch(
      /\ncitebot: could not start: Discord rejected DISCORD_TOKEN \(401 on GET \/gateway\/bot\).*"Discord setup" in README\.md.*\n$/,
    );
    expect(output).not.toContain("secret-part");
    expect(output).not.toMatch(/^\s+at /m);
  });

  test("the manager killed hard: its shard processes stop too, closing their sessions cleanly", async () => {
    const rest = await FakeDiscord.start();
    const gateway = await FakeShardedGateway.start(rest, { shards: 2, maxConcurrency: 2 });
    const bot = runDiscord(dir, {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: rest.apiUrl,
      INDEX_CACHE_DIR: "off",
    });
    await bot.printed(/(discord: shard \d ready[\s\S]*){2}/);
    bot.child.kill("SIGKILL");
    const closes = await gateway.waitFor(() => {
      const seen = gateway.events.filter((e) => e.type === "close");
      return seen.length === 2 ? seen : undefined;
    });
    // 1000: each shard stopped itself (SIGTERM on losing its manager), none crashed.
    expect(closes.map((e) => e.code)).toEqual([1000, 1000]);
    await gateway.close();
    await rest.close();
  }, 60_000);
});
