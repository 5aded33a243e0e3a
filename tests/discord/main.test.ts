import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { withoutMarkup } from "../helpers/without-markup.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN = path.join(ROOT, "adapters/discord/main.ts");
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const TOKEN = "MTIzNDU2.secret-part.do-not-log-me";

let dir: string;
beforeAll(async () => {
  // A folder of its own, so a developer's .env cannot leak into the test.
  dir = await mkdtemp(path.join(tmpdir(), "citebot-discord-"));
  await writeFile(
    path.join(dir, "faq.md"),
    "# FAQ\n\nThe rate limit is five questions a minute per user.\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `npm run discord`'s entry point with only the given variables. */
function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "", SEEDS_DIR: dir, INDEX_CACHE_DIR: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = once(child, "exit").then(([code]) => ({ code: code as number | null, output }));
  /** Resolves once the process has printed `text`. */
  const printed = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!output.includes(text)) return;
        child.stdout.off("data", check);
        child.stderr.off("data", check);
        resolve();
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      check();
    });
  return { child, exited, printed, output: () => output };
}

describe("npm run discord", () => {
  test("a missing token stops start-up with one line naming it", async () => {
    const { code, output } = await run({}).exited;
    expect(code).toBe(1);
    expect(output).toMatch(
      /^citebot: DISCORD_TOKEN is not set: .*"Discord setup" in README\.md.*\n$/,
    );
  });

  test("a malformed guild id stops start-up before connecting", async () => {
    const { code, output } = await run({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "general" })
      .exited;
    expect(code).toBe(1);
    expect(output).toMatch(/^citebot: DISCORD_GUILD_ID must be a server ID.*\n$/);
    expect(output).not.toContain(TOKEN);
  });

  test("a missing seeds folder stops start-up with one line", async () => {
    const missing = path.join(dir, "no-such-folder");
    const { code, output } = await run({ DISCORD_TOKEN: TOKEN, SEEDS_DIR: missing }).exited;
    expect(code).toBe(1);
    expect(output).toMatch(/^citebot: [^\n]*no-such-folder[^\n]*\n$/);
  });

  describe("against a loopback Discord", () => {
    let fake: FakeDiscord;
    beforeAll(async () => {
      fake = await FakeDiscord.start();
    });
    afterAll(async () => {
      await fake.close();
    });

    test("answers, then SIGTERM closes the socket and the process exits 0; the token is never printed", async () => {
      const { child, exited } = run({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl });
      const put = await fake.waitForRequest((r) => r.method === "PUT");
      expect(put.path).toBe(`/applications/${fake.applicationId}/commands`);
      const id = fake.message({ content: `<@${fake.bot.id}> what is the rate limit?` });
      const reply = await fake.waitForRequest(
        (r: RecordedRequest) => r.method === "POST" && r.body?.message_reference?.message_id === id,
      );
      expect(withoutMarkup(reply.body.embeds[0].description)).toContain("five questions a minute");
      child.kill("SIGTERM");
      const { code, output } = await exited;
      expect(code).toBe(0);
      expect(fake.gatewayEvents.filter((e) => e.type === "close")).toEqual([
        { type: "close", code: 1000 },
      ]);
      expect(output).toContain("logged in as citebot seeds=1");
      expect(output).not.toContain(TOKEN);
      expect(output).not.toContain("secret-part");
      expect(output).not.toMatch(/^\s+at /m); // no stack traces for a wrong token
    });

    test("HEALTH_PORT: /healthz and /readyz answer, ready with the shard count once connected", async () => {
      const { child, exited, printed, output } = run({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        HEALTH_PORT: "0",
      });
      await printed("registered /ask");
      const port = /health: \/healthz and \/readyz on port (\d+)/.exec(output())?.[1];
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
      expect((await get("/healthz")).status).toBe(200);
      const ready = await get("/readyz");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, shards: [0], shardCount: 1 });
      child.kill("SIGTERM");
      expect((await exited).code).toBe(0);
    });

    test("SIGTERM while an answer is in flight: it is completed, then the process exits 0", async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let typingSeen = () => {};
      const typing = new Promise<void>((resolve) => (typingSeen = resolve));
      // The command registration (the last step of start-up) is answered only once the
      // question is being answered: the signal lands while start-up is still finishing.
      fake.intercept(async (r) => {
        if (r.method === "PUT") await typing;
        if (r.path.endsWith("/typing")) {
          typingSeen();
          await held;
        }
        return undefined;
      });
      const from = fake.requests.length;
      const { child, exited, printed } = run({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
      });
      await fake.waitForRequest((r) => r.method === "PUT", from);
      const closesBefore = fake.gatewayEvents.filter((e) => e.type === "close").length;
      const id = fake.message({ content: `<@${fake.bot.id}> what is the rate limit?` });
      await fake.waitForRequest((r) => r.path.endsWith("/typing"), from);
      child.kill("SIGTERM");
      const early = exited.then(({ code, output }) => {
        throw new Error(`exited (${code}) before handling SIGTERM:\n${output}`);
      });
      await Promise.race([printed("SIGTERM received"), early]);
      release();
      const reply = await fake.waitForRequest((r) => r.body?.message_reference?.message_id === id);
      expect(withoutMarkup(reply.body.embeds[0].description)).toContain("five questions");
      const { code } = await exited;
      expect(code).toBe(0);
      expect(fake.gatewayEvents.filter((e) => e.type === "close").length).toBe(closesBefore + 1);
    });

    test("a token Discord rejects stops start-up with one line that does not contain it", async () => {
      fake.rejectIdentify = 4004;
      const { code, output } = await run({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl })
        .exited;
      fake.rejectIdentify = null;
      expect(code).toBe(1);
      expect(output).toMatch(
        /\ncitebot: could not start: Discord rejected DISCORD_TOKEN.*"Discord setup" in README\.md.*\n$/,
      );
      expect(output).not.toContain("secret-part");
      expect(output).not.toMatch(/^\s+at /m); // no stack traces for a wrong token
    });
  });
});
