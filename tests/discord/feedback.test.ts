import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createCitebotFromTexts,
  createMemoryLogger,
  createQuestionLog,
  createStore,
  type QuestionLog,
} from "../../src/tools.ts";
import { createAsking } from "../../adapters/shared/asking.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import { createSqliteBackend, type TestBackend } from "../helpers/databases.ts";
import { FakeDiscord, snowflake, type RecordedRequest } from "../helpers/fake-discord.ts";

const SEEDS = [
  { doc: "faq.md", text: "# FAQ\n\nThe rate limit is five questions a minute per user.\n" },
  {
    doc: "guide/install.md",
    text: "# Installing\n\nRun npm install to install the dependencies.\n",
  },
];
const MANAGE_GUILD = (2048n | 32n).toString();

let fake: FakeDiscord;
let bot: DiscordBot;
let backend: TestBackend;
let log: QuestionLog;
let reloads = 0;
const logger = createMemoryLogger();
const core = createCitebotFromTexts(SEEDS);

beforeAll(async () => {
  backend = await createSqliteBackend();
  log = createQuestionLog({ open: backend.open, logger });
  fake = await FakeDiscord.start();
  bot = await startDiscord({
    responder: core,
    asking: createAsking({ responder: core, log }),
    reload: async () => {
      reloads++;
      return core.documents().length;
    },
    config: {
      token: "MTIz.fake.token",
      guildId: fake.guildId,
      apiUrl: fake.apiUrl,
    },
    seedsBaseUrl: null,
    logger,
    rateLimiter: createRateLimiter({ limit: 0 }),
    deferAfterMs: 10_000,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await log?.close();
  await backend?.dispose();
});

const isMessagePost = (r: RecordedRequest) =>
  r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path);
const replyTo = (id: string) =>
  fake.waitForRequest((r) => isMessagePost(r) && r.body.message_reference?.message_id === id);
const callbackOf = (id: string) =>
  fake.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`));
const editOf = (token: string) =>
  fake.waitForRequest(
    (r) => r.method === "PATCH" && r.path.includes(`/${token}/messages/@original`),
  );
const user = () => ({ id: snowflake(), username: "asker" });
const store = async () => createStore(await log.store().then((s) => s.db));
const questions = async () => {
  await log.flush();
  return (await store()).questionsSince(0);
};

describe("Discord: logging and feedback", () => {
  let questionId = "";
  const asker = user();

  test("an answer to a mention is logged and carries 👍 / 👎 buttons", async () => {
    const id = fake.message({
      content: `<@${fake.bot.id}> what is the rate limit?`,
      author: asker,
    });
    const reply = await replyTo(id);
    const buttons = reply.body.components[0].components;
    expect(buttons.map((b: { emoji: { name: string } }) => b.emoji.name)).toEqual(["👍", "👎"]);
    const [row] = await questions();
    expect(row).toMatchObject({
      platform: "discord",
      workspace: fake.guildId,
      channel: fake.channelId,
      outcome: "answered",
      question: "what is the rate limit?",
    });
    expect(row?.userHash).not.toContain(asker.id);
    expect(buttons[0].custom_id).toBe(`citebot:vote:up:${row?.id}`);
    questionId = row?.id ?? "";
  });

  test("👍 thanks privately; 👎 opens the reason modal; the submitted reason is kept, last vote wins", async () => {
    const voter = user();
    const up = await callbackOf(
      fake.component({ customId: `citebot:vote:up:${questionId}`, user: voter }).id,
    );
    expect(up.body).toMatchObject({
      type: 4,
      data: { content: "Thanks for the feedback.", flags: 64 },
    });
    const down = await callbackOf(
      fake.component({ customId: `citebot:vote:down:${questionId}`, user: voter }).id,
    );
    expect(down.body.type).toBe(9);
    expect(down.body.data.custom_id).toBe(`citebot:why:${questionId}`);
    expect(down.body.data.components[0].components[0]).toMatchObject({
      custom_id: "reason",
      required: false,
    });
    const submitted = await callbackOf(
      fake.modalSubmit({
        customId: `citebot:why:${questionId}`,
        user: voter,
        fields: { reason: "The limit is ten now @everyone" },
      }).id,
    );
    expect(submitted.body.type).toBe(4);
    await callbackOf(
      fake.component({ customId: `citebot:vote:down:${questionId}`, user: user() }).id,
    );
    await log.flush();
    const votes = await (await store()).feedbackSince(0);
    expect(votes.map((v) => [v.questionId, v.vote, v.reason]).sort()).toEqual([
      [questionId, -1, null],
      [questionId, -1, "The limit is ten now @everyone"],
    ]);
  });

  test("/ask is logged with buttons; a DM is answered without being logged", async () => {
    const ask = fake.interaction({
      name: "ask",
      options: [{ name: "question", type: 3, value: "how do I install it?" }],
    });
    const callback = await callbackOf(ask.id);
    expect(callback.body.data.components[0].components).toHaveLength(2);
    const dm = fake.message({ content: "what is the rate limit?", direct: true, author: user() });
    const reply = await replyTo(dm);
    // Not logged, so no 👍 / 👎: only More.
    const labels = reply.body.components.flatMap((row: { components: { label: string }[] }) =>
      row.components.map((b) => b.label),
    );
    expect(labels).toEqual(["More"]);
    const rows = await questions();
    expect(rows.map((r) => r.question)).toEqual([
      "what is the rate limit?",
      "how do I install it?",
    ]);
  });
});

describe("Discord: /citebot for server managers only", () => {
  const admin = (sub: string, permissions: string) =>
    fake.interaction({
      name: "citebot",
      options: [{ name: sub, type: 1, options: [] }],
      permissions,
    });

  test.each(["report", "reload", "sources"])(
    "/citebot %s is politely refused to a member",
    async (sub) => {
      const callback = await callbackOf(admin(sub, "2048").id);
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.flags).toBe(64);
      expect(callback.body.data.content).toMatch(/^Sorry, `\/citebot` is for server managers/);
    },
  );

  test("/citebot report gives a manager the short summary", async () => {
    const it = admin("report", MANAGE_GUILD);
    expect((await callbackOf(it.id)).body.type).toBe(5);
    const edit = await editOf(it.token);
    expect(edit.body.content).toContain("2 questions since");
    expect(edit.body.content).toContain("2 answered, 0 not found");
    expect(edit.body.content).toContain("0 👍, 2 👎");
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  test("/citebot reload re-reads the seeds; /citebot sources lists them", async () => {
    const it = admin("reload", MANAGE_GUILD);
    expect((await editOf(it.token)).body.content).toBe("Reloaded: 2 documents.");
    expect(reloads).toBe(1);
    const sources = await callbackOf(admin("sources", MANAGE_GUILD).id);
    expect(JSON.stringify(sources.body.data)).toContain("guide/install.md");
  });
});
