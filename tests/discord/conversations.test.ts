import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { createThreadStore } from "../../adapters/shared/threads.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import { EXPIRED } from "../../adapters/discord/more-button.ts";
import { FakeDiscord, snowflake, type RecordedRequest } from "../helpers/fake-discord.ts";
import { createScriptedResponder } from "../helpers/scripted-responder.ts";

const TOKEN = "MTIz.fake.token-for-tests";
// Send Messages and Create Public Threads.
const CAN_OPEN_THREADS = 2048n | (1n << 35n);

let fake: FakeDiscord;
let bot: DiscordBot;
const responder = createScriptedResponder();
const logger = createMemoryLogger([TOKEN]);
const threads = createThreadStore();

beforeAll(async () => {
  fake = await FakeDiscord.start({ channels: 2, forums: 1, botPermissions: CAN_OPEN_THREADS });
  bot = await startDiscord({
    responder,
    config: {
      token: TOKEN,
      guildId: fake.guildId,
      apiUrl: fake.apiUrl,
      messageContent: true,
      help: { channels: new Set([helpChannel(), forum()]), minConfidence: 0.75 },
    },
    seedsBaseUrl: null,
    logger,
    rateLimiter: createRateLimiter({ limit: 0 }),
    threads,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const helpChannel = () => fake.channelIds[1] ?? "";
const forum = () => fake.forumIds[0] ?? "";
const mention = (text: string) => `<@${fake.bot.id}> ${text}`;
const isPostIn = (channelId: string) => (r: RecordedRequest) =>
  r.method === "POST" && r.path === `/channels/${channelId}/messages`;
const replyTo = (id: string) =>
  fake.waitForRequest(
    (r) =>
      r.method === "POST" &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      r.body.message_reference?.message_id === id,
  );
const threadOpenedOn = (channelId: string, messageId: string) =>
  fake.waitForRequest(
    (r) => r.method === "POST" && r.path === `/channels/${channelId}/messages/${messageId}/threads`,
  );
const callbackOf = (id: string) =>
  fake.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`));
const touches = (id: string) => (r: RecordedRequest) =>
  r.path.includes(id) || r.body?.message_reference?.message_id === id;
const shown = (body: { embeds?: unknown[] }) => JSON.stringify(body.embeds ?? []);
const moreId = (body: { components?: { components: { label: string; custom_id: string }[] }[] }) =>
  body.components?.flatMap((row) => row.components).find((b) => b.label === "More")?.custom_id;

describe("a conversation in the thread citebot opens", () => {
  const asker = { id: snowflake(), username: "asker" };
  let threadId = "";

  test("a mention in a text channel opens a thread named from the question and answers there", async () => {
    const question = fake.message({
      content: mention("**how** do I install <@&99999999999999999> it? @everyone"),
      author: asker,
    });
    const opened = await threadOpenedOn(fake.channelId, question);
    expect(opened.body.name).toBe("how do I install it?");
    threadId = question; // a thread opened on a message has the message's id
    const answer = await fake.waitForRequest(isPostIn(threadId));
    expect(shown(answer.body)).toContain("npm install");
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
    expect(moreId(answer.body)).toBe(`citebot:more:${threadId}`);
  });

  test("two replies without a mention follow on: three turns, each with the ones before", async () => {
    const second = fake.message({
      channelId: threadId,
      content: "and how do I start it?",
      author: asker,
    });
    expect((await replyTo(second)).path).toBe(`/channels/${threadId}/messages`);
    const third = fake.message({
      channelId: threadId,
      content: "what is the limit there?",
      author: asker,
    });
    const reply = await replyTo(third);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    const first = "**how** do I install it?";
    expect(responder.asked.slice(-3)).toMatchObject([
      { question: first, turns: [] },
      { question: "and how do I start it?", turns: [first] },
      { question: "what is the limit there?", turns: [first, "and how do I start it?"] },
    ]);
  });

  test("More shows the next excerpts until there are no more, then says so", async () => {
    const key = `citebot:more:${threadId}`;
    const first = await callbackOf(fake.component({ customId: key, channelId: threadId }).id);
    expect(shown(first.body.data)).toContain("npm run discord");
    expect(first.body.data.flags ?? 0).toBe(0); // public, in the thread
    expect(first.body.data.allowed_mentions).toEqual({ parse: [] });
    const second = await callbackOf(fake.component({ customId: key, channelId: threadId }).id);
    expect(shown(second.body.data)).toContain("five questions a minute");
    expect(moreId(second.body.data)).toBe(key);
    const last = await callbackOf(fake.component({ customId: key, channelId: threadId }).id);
    expect(last.body.data.content).toMatch(/^No more/);
    expect(last.body.data.components ?? []).toEqual([]);
  });

  test("More on an answer whose conversation is forgotten says plainly that it expired", async () => {
    const press = fake.component({
      customId: `citebot:more:${snowflake()}`,
      channelId: fake.channelId,
    });
    const reply = await callbackOf(press.id);
    expect(reply.body.data).toMatchObject({ content: EXPIRED, flags: 64 });
  });

  test("a thread citebot opened stays its own after the conversation is forgotten, its turns read back", async () => {
    threads.drop(threadId);
    const press = fake.component({ customId: `citebot:more:${threadId}`, channelId: threadId });
    expect((await callbackOf(press.id)).body.data).toMatchObject({ content: EXPIRED, flags: 64 });
    const reply = fake.message({ channelId: threadId, content: "how do I install it?" });
    expect((await replyTo(reply)).path).toBe(`/channels/${threadId}/messages`);
    expect(responder.asked.at(-1)).toMatchObject({
      question: "how do I install it?",
      turns: ["**how** do I install it?", "and how do I start it?", "what is the limit there?"],
    });
  });

  test("a mention with no question gets the help text in the channel, opening no thread", async () => {
    const id = fake.message({ content: mention("") });
    const reply = await replyTo(id);
    expect(reply.path).toBe(`/channels/${fake.channelId}/messages`);
    expect(reply.body.content).toMatch(/^I answer questions/);
    expect(fake.requests.some((r) => r.path.endsWith(`/messages/${id}/threads`))).toBe(false);
  });

  test("a reply in a thread citebot never joined is ignored; a mention there is answered", async () => {
    const thread = fake.thread();
    const ignored = fake.message({ channelId: thread, content: "sure, how do I install it?" });
    // One channel's messages are handled in order: once the mention is answered, the reply was passed over.
    await replyTo(fake.message({ channelId: thread, content: mention("how do I install it?") }));
    expect(fake.requests.some(touches(ignored))).toBe(false);
  });
});

describe("help channels and forums, answered unasked only when sure", () => {
  test("a sure post in a help channel is answered in a thread on it; an unsure one is not", async () => {
    const unsure = fake.message({ channelId: helpChannel(), content: "how do I install it?" });
    const sure = fake.message({ channelId: helpChannel(), content: "sure: how do I install it?" });
    await threadOpenedOn(helpChannel(), sure);
    const answer = await fake.waitForRequest(isPostIn(sure));
    expect(shown(answer.body)).toContain("npm install");
    // Posts of one channel are handled in order: the sure one was answered after the unsure one.
    expect(fake.requests.some(touches(unsure))).toBe(false);
    expect(
      responder.asked.find(
        (a) => a.question === "how do I install it?" && a.minConfidence === 0.75,
      ),
    ).toBeDefined();
  });

  test("a forum post below the threshold is left alone; mentioning citebot there gets an answer", async () => {
    const post = fake.forumPost({ content: "how do I install it?" });
    const asked = fake.message({
      channelId: post.threadId,
      content: mention("nothing like this?"),
    });
    const reply = await replyTo(asked);
    expect(reply.body.content).toMatch(/^I couldn't find that/);
    // The post shares its thread's id, so only a reply to it would be an answer to it.
    expect(
      fake.requests.some((r) => r.body?.message_reference?.message_id === post.messageId),
    ).toBe(false);
  });

  test("a sure forum post is answered in the post", async () => {
    const post = fake.forumPost({ content: "sure: how do I install it?" });
    const reply = await replyTo(post.messageId);
    expect(reply.path).toBe(`/channels/${post.threadId}/messages`);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("Ask citebot on a message", () => {
  const HOSTILE =
    "@everyone @here <@123456789012345678> <@&234567890123456789> <#345678901234567890> **how** do I `install` ||it|| [x](https://evil.test)?";

  test("answers the message privately, without its mentions, pinging no one", async () => {
    const used = fake.messageCommand({ name: "Ask citebot", target: { content: HOSTILE } });
    const reply = await callbackOf(used.id);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(shown(reply.body.data)).toContain("npm install");
    const question = responder.asked.at(-1)?.question ?? "";
    expect(question).not.toMatch(/<[@#]|@everyone|@here/);
    expect(question).toContain("how");
    expect(moreId(reply.body.data)).toBe(`citebot:more:i${used.id}`);
  });

  test("More under the private answer stays private", async () => {
    const used = fake.messageCommand({
      name: "Ask citebot",
      target: { content: "how do I install it?" },
    });
    const key = moreId((await callbackOf(used.id)).body.data) ?? "";
    const more = await callbackOf(fake.component({ customId: key, ephemeral: true }).id);
    expect(more.body.data.flags).toBe(64);
    expect(shown(more.body.data)).toContain("npm run discord");
  });

  test("a message with no text gets a reason, not silence", async () => {
    const used = fake.messageCommand({
      name: "Ask citebot",
      target: { content: "<@123456789012345678>" },
    });
    const reply = await callbackOf(used.id);
    expect(reply.body.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(reply.body.data.content).toMatch(/^That message has no text/);
  });
});

describe("without Message Content and without Create Public Threads", () => {
  let plain: FakeDiscord;
  let plainBot: DiscordBot;
  const plainLogger = createMemoryLogger([TOKEN]);

  beforeAll(async () => {
    plain = await FakeDiscord.start({ channels: 2 });
    plainBot = await startDiscord({
      responder: createScriptedResponder(),
      config: {
        token: TOKEN,
        guildId: plain.guildId,
        apiUrl: plain.apiUrl,
        help: { channels: new Set([plain.channelIds[1] ?? ""]), minConfidence: 0.75 },
      },
      seedsBaseUrl: null,
      logger: plainLogger,
      rateLimiter: createRateLimiter({ limit: 0 }),
    });
  });

  afterAll(async () => {
    await plainBot?.stop();
    await plain?.close();
  });

  test("one line at start says what is off", () => {
    expect(plainLogger.lines.filter((l) => l.includes("Message Content intent off"))).toEqual([
      "[citebot] info discord: Message Content intent off (DISCORD_MESSAGE_CONTENT): replies in citebot's threads need a mention, and the 1 help channel(s) listed are not answered; mentions, DMs, /ask, More and Ask citebot work",
    ]);
  });

  test("a mention is answered in the channel, and the missing permission is logged once", async () => {
    for (let i = 0; i < 2; i++) {
      const id = plain.message({ content: `<@${plain.bot.id}> how do I install it?` });
      const reply = await plain.waitForRequest((r) => r.body?.message_reference?.message_id === id);
      expect(reply.path).toBe(`/channels/${plain.channelId}/messages`);
      expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(plain.requests.some((r) => r.path.endsWith("/threads"))).toBe(false);
    expect(plainLogger.lines.filter((l) => l.includes("cannot open a thread here"))).toEqual([
      `[citebot] warn discord: cannot open a thread here (the bot lacks Create Public Threads); answering in the channel channel=${plain.channelId}`,
    ]);
  });
});
