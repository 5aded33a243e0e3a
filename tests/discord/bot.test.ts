import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Responder, createCitebotFromTexts, createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { COMMANDS } from "../../adapters/discord/commands.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import { HELP_TEXT, render } from "../../adapters/discord/render.ts";
import { FakeDiscord, snowflake, type RecordedRequest } from "../helpers/fake-discord.ts";
import { withoutMarkup } from "../helpers/without-markup.ts";
import { withoutEmphasis } from "../helpers/plain.ts";

const SEEDS = [
  {
    doc: "guide/install.md",
    text: "# Installing\n\nRun npm install to install the dependencies.\n\nStart the bot with npm run discord.\n",
  },
  { doc: "faq.md", text: "# FAQ\n\nThe rate limit is five questions a minute per user.\n" },
];
const TOKEN = "MTIz.fake.token-for-tests";

let fake: FakeDiscord;
let bot: DiscordBot;
const logger = createMemoryLogger();
const core = createCitebotFromTexts(SEEDS);
// The real core, except that one question makes it throw like a bug would.
const responder: Responder = {
  ask: (q) => {
    if (q.includes("explode")) throw new Error("boom while answering");
    return core.ask(q);
  },
  more: (thread) => core.more(thread),
  documents: () => core.documents(),
};

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startDiscord({
    responder,
    config: {
      token: TOKEN,
      guildId: fake.guildId,
      apiUrl: fake.apiUrl,
    },
    seedsBaseUrl: "https://x.test/seeds",
    logger,
    // A stopped clock: the limit depends on the count of questions alone, never on speed.
    rateLimiter: createRateLimiter({ limit: 2, now: () => 0 }),
    // Far beyond any stall a busy test machine may cause, so only the "late" test defers.
    deferAfterMs: 10_000,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const isMessagePost = (r: RecordedRequest) =>
  r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path);
const replyTo = (id: string) =>
  fake.waitForRequest((r) => isMessagePost(r) && r.body.message_reference?.message_id === id);
const callbackOf = (id: string) =>
  fake.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`));
const mention = (text: string) => `<@${fake.bot.id}> ${text}`;
const user = () => ({ id: snowflake(), username: "asker" });

describe("start-up", () => {
  test("identifies with no privileged intent and registers the commands in the guild", async () => {
    const identify = await fake.waitForGateway("identify");
    expect(identify).toEqual({ type: "identify", token: TOKEN, intents: 1 | 512 | 4096 });
    const put = await fake.waitForRequest((r) => r.method === "PUT");
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.body).toEqual(COMMANDS);
  });

  test("logs the bot's tag, the number of seeds and the invite URL", () => {
    expect(logger.lines).toContainEqual(
      `[citebot] info discord: logged in as citebot seeds=2 invite=https://discord.com/oauth2/authorize?client_id=${fake.applicationId}&scope=bot+applications.commands&permissions=309237730304`,
    );
  });
});

describe("messages", () => {
  test("a mention gets a reply with a cited, linked answer after a typing indicator", async () => {
    const id = fake.message({ content: mention("what is the rate limit?") });
    const reply = await replyTo(id);
    const embed = reply.body.embeds[0];
    // Exactly what the renderer makes of the core's answer (which words it marks is the
    // learned model's choice, tested in render.test.ts with fixed answers).
    const rendered = render(core.ask("what is the rate limit?"), {
      seedsBaseUrl: "https://x.test/seeds",
    });
    expect(embed.description).toBe(rendered.embeds[0]?.description);
    expect(withoutMarkup(embed.description)).toContain(
      "The rate limit is five questions a minute per user.",
    );
    expect(embed.description).toContain("**[1]**");
    expect(embed.fields[0].value).toBe("**[1]** [FAQ](https://x.test/seeds/faq.md#L3) — faq.md:3");
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    const typing = fake.requests.findIndex((r) => r.path === `/channels/${fake.channelId}/typing`);
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(fake.requests.indexOf(reply));
  });

  test("a DM gets a reply without a mention", async () => {
    const id = fake.message({ content: "how do I start the bot?", direct: true });
    const reply = await replyTo(id);
    const text = String(reply.body.embeds[0].description).replace(/[*_]/g, "");
    expect(text).toContain("Start the bot with npm run discord");
  });

  test("a mention with no question gets the help text", async () => {
    const reply = await replyTo(fake.message({ content: mention("") }));
    expect(reply.body.content).toBe(HELP_TEXT);
  });

  test("the bot's own and other bots' messages get nothing", async () => {
    const own = fake.message({ content: mention("rate limit?"), author: fake.bot });
    const other = fake.message({
      content: mention("rate limit?"),
      author: { id: snowflake(), username: "otherbot", bot: true },
    });
    const unmentioned = fake.message({ content: "what is the rate limit?" });
    // Replies in a channel go out in order, so once this one is answered the others were seen.
    await replyTo(fake.message({ content: mention("rate limit?") }));
    const answered = fake.requests
      .filter(isMessagePost)
      .map((r) => r.body.message_reference?.message_id);
    expect(answered).not.toContain(own);
    expect(answered).not.toContain(other);
    expect(answered).not.toContain(unmentioned);
  });

  test("a question with @everyone and <@id> pings no one", async () => {
    const victim = user();
    const id = fake.message({
      content: mention(`@everyone <@${victim.id}> what is the rate limit?`),
      mentions: [fake.bot, victim],
    });
    const reply = await replyTo(id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(reply.body)).not.toMatch(/@everyone|<@/);
    expect(withoutMarkup(reply.body.embeds[0].description)).toContain("five questions");
  });

  test("the rate limit answers politely", async () => {
    const author = user();
    await replyTo(fake.message({ content: mention("rate limit?"), author }));
    await replyTo(fake.message({ content: mention("install?"), author }));
    const third = await replyTo(fake.message({ content: mention("start?"), author }));
    expect(third.body.content).toMatch(
      "You're asking faster than I can keep up — please try again in 60 seconds.",
    );
    expect(third.body.embeds).toEqual([]);
  });

  test("an error while answering gives one friendly line, and the next question is answered", async () => {
    const author = user();
    const failed = await replyTo(fake.message({ content: mention("explode please"), author }));
    expect(failed.body.content).toBe(
      "Sorry, something went wrong while I was looking that up. Please try again.",
    );
    expect(
      logger.lines.some(
        (l) => l.includes("answering a message failed") && l.includes("boom while answering"),
      ),
    ).toBe(true);
    const next = await replyTo(fake.message({ content: mention("rate limit?"), author }));
    expect(withoutMarkup(next.body.embeds[0].description)).toContain("five questions");
  });
});

describe("slash commands", () => {
  const ask = (question: string, extra: { private?: boolean; createdAt?: number } = {}) =>
    fake.interaction({
      name: "ask",
      options: [
        { name: "question", type: 3, value: question },
        ...(extra.private === undefined
          ? []
          : [{ name: "private", type: 5, value: extra.private }]),
      ],
      ...(extra.createdAt === undefined ? {} : { createdAt: extra.createdAt }),
    });

  test("/ask gets a cited answer in the channel", async () => {
    const callback = await callbackOf(ask("what is the rate limit?").id);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(withoutMarkup(callback.body.data.embeds[0].description)).toContain("five questions");
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  test("/ask private:True is ephemeral", async () => {
    const callback = await callbackOf(ask("what is the rate limit?", { private: true }).id);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
  });

  test("/ask that arrives late defers first and then edits the answer in", async () => {
    const { id, token } = ask("how do I install?", {
      createdAt: Date.now() - 20_000,
      private: true,
    });
    const callback = await callbackOf(id);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForRequest(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`,
    );
    expect(withoutEmphasis(edit.body.embeds[0].description)).toContain("npm install");
  });

  test("/sources lists the documents and /help says how to ask, only to the asker", async () => {
    const sources = await callbackOf(fake.interaction({ name: "sources" }).id);
    expect(sources.body.data.content).toBe(
      "I know 2 documents:\n• Installing — guide/install.md\n• FAQ — faq.md",
    );
    expect(sources.body.data.flags).toBe(64);
    const help = await callbackOf(fake.interaction({ name: "help" }).id);
    expect(help.body.data.content).toBe(HELP_TEXT);
    expect(help.body.data.flags).toBe(64);
  });

  test("/ask that fails while answering gives the friendly line", async () => {
    const callback = await callbackOf(ask("explode").id);
    expect(callback.body.data.content).toMatch(/^Sorry, something went wrong/);
    expect(callback.body.data.flags).toBe(64);
  });
});

describe("shutdown", () => {
  test("stop() closes the gateway socket", async () => {
    await bot.stop();
    expect(await fake.waitForGateway("close")).toEqual({ type: "close", code: 1000 });
  });
});
