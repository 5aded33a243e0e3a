import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCitebotFromTexts } from "../../src/tools.ts";
import type { DiscordBot } from "../../adapters/discord/bot.ts";
import { FakeDiscord, snowflake, type RecordedRequest } from "../helpers/fake-discord.ts";
import { CAN_OPEN_THREADS, startOnFake, twoCompanies } from "../helpers/discord-core.ts";

// Two companies that share every generic word: only the thread says which one "it" is.
const core = createCitebotFromTexts([
  {
    doc: "acme.md",
    text: "# Acme\n\nAcme Rockets was founded by Ada Stone in Leeds. The company started trading in 1921.\n",
  },
  {
    doc: "zenith.md",
    text: "# Zenith\n\nZenith Mills was founded by Tom Reed in York. The business started trading in 1950.\n",
  },
]);

let fake: FakeDiscord;
let bot: DiscordBot;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startOnFake(fake, core);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const replyTo = (id: string) =>
  fake.waitForRequest(
    (r: RecordedRequest) =>
      r.method === "POST" &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      r.body.message_reference?.message_id === id,
  );
const mention = (text: string) => `<@${fake.bot.id}> ${text}`;
const asker = { id: snowflake(), username: "asker" };
const shown = (r: RecordedRequest) => JSON.stringify(r.body.embeds ?? []);

describe("conversations in Discord threads", () => {
  test("asks for the Message Content intent when DISCORD_MESSAGE_CONTENT is on", async () => {
    const identify = await fake.waitForGateway("identify");
    expect(identify).toMatchObject({ intents: 1 | 512 | 4096 | 32768 });
  });

  test("a follow-up in a thread citebot answered needs no mention and uses the thread", async () => {
    const thread = fake.thread();
    const first = fake.message({
      channelId: thread,
      content: mention("Who founded Zenith Mills?"),
      author: asker,
    });
    expect(shown(await replyTo(first))).toContain("Tom Reed");
    const followUp = fake.message({
      channelId: thread,
      content: "when did it start trading?",
      author: asker,
    });
    const reply = await replyTo(followUp);
    expect(shown(reply)).toContain("1950");
    expect(shown(reply)).not.toContain("1921");
    expect(reply.path).toBe(`/channels/${thread}/messages`);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  });

  test("the same follow-up in another thread follows that thread's subject", async () => {
    const thread = fake.thread();
    await replyTo(
      fake.message({ channelId: thread, content: mention("Who founded Acme Rockets?") }),
    );
    const reply = await replyTo(
      fake.message({ channelId: thread, content: mention("when did it start trading?") }),
    );
    expect(shown(reply)).toContain("1921");
  });

  test("a reply without a mention in a thread citebot never answered in is ignored", async () => {
    const thread = fake.thread();
    const ignored = fake.message({ channelId: thread, content: "when did Zenith start trading?" });
    // Messages of one channel are handled in order: once the next one is answered, the
    // first has been passed over.
    await replyTo(
      fake.message({ channelId: thread, content: mention("Who founded Acme Rockets?") }),
    );
    expect(fake.requests.some((r) => r.body?.message_reference?.message_id === ignored)).toBe(
      false,
    );
  });

  test("mentions and markup in a follow-up ping no one", async () => {
    const thread = fake.thread();
    await replyTo(
      fake.message({ channelId: thread, content: mention("Who founded Zenith Mills?") }),
    );
    const reply = await replyTo(
      fake.message({
        channelId: thread,
        content:
          "@everyone <@1234567890123456> **when** did it start trading? <@&99999999999999999>",
      }),
    );
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(shown(reply)).toContain("1950");
  });
});

describe("a three-turn conversation from a mention in a text channel", () => {
  // Three facts per company: each follow-up needs a sentence the thread has not shown yet.
  const three = twoCompanies();
  let own: FakeDiscord;
  let ownBot: DiscordBot;

  beforeAll(async () => {
    // citebot opens a thread on the question.
    own = await FakeDiscord.start({ botPermissions: CAN_OPEN_THREADS });
    ownBot = await startOnFake(own, three);
  });

  afterAll(async () => {
    await ownBot?.stop();
    await own?.close();
  });

  const postIn = (channelId: string, from: number) =>
    own.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`,
      from,
    );

  test("each follow-up in the thread is answered about the company the thread is about", async () => {
    const first = own.message({ content: `<@${own.bot.id}> Who founded Zenith Mills?` });
    // The thread opened on the question has the question's id.
    expect(shown(await postIn(first, 0))).toContain("Tom Reed");
    let from = own.requests.length;
    own.message({ channelId: first, content: "when did it start trading?", author: asker });
    const second = await postIn(first, from);
    expect(shown(second)).toContain("1950");
    expect(shown(second)).not.toContain("1921");
    from = own.requests.length;
    own.message({ channelId: first, content: "what was its first product?", author: asker });
    const third = await postIn(first, from);
    expect(shown(third)).toContain("flour sifter");
    expect(third.body.allowed_mentions).toEqual({ parse: [] });
  });
});
