// Thread follow-ups after a restart: a reply in a thread citebot opened or answered in is
// still answered without a mention, with the thread's earlier turns read back once from its
// history (real discord.js against the loopback fake, the real core).
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import type { DiscordBot } from "../../adapters/discord/bot.ts";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { CAN_OPEN_THREADS, TOKEN, startOnFake, twoCompanies } from "../helpers/discord-core.ts";

// Alone, "when did it start trading?" quotes both companies; after a turn on one, only that one.
const responder = twoCompanies();

let fake: FakeDiscord;
let bot: DiscordBot;
let logger: ReturnType<typeof createMemoryLogger>;

/** A fresh process: it holds no conversation of the last one. */
async function start() {
  logger = createMemoryLogger([TOKEN]);
  bot = await startOnFake(fake, responder, logger);
}

async function restart() {
  await bot.stop();
  await start();
}

beforeEach(async () => {
  fake = await FakeDiscord.start({ botPermissions: CAN_OPEN_THREADS });
  await start();
});

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

const mention = (text: string) => `<@${fake.bot.id}> ${text}`;
const shown = (r: RecordedRequest) => JSON.stringify(r.body.embeds ?? []);
/** citebot's answer to the message `id` in `channelId` (a reply pointing at it). */
const answerTo = (channelId: string, id: string) =>
  fake.waitForRequest(
    (r) =>
      r.method === "POST" &&
      r.path === `/channels/${channelId}/messages` &&
      r.body.message_reference?.message_id === id,
  );
/** The reads of the list of `channelId`'s messages (its history), from request `from` on. */
const historyReads = (channelId: string, from = 0) =>
  fake.requests
    .slice(from)
    .filter((r) => r.method === "GET" && r.path === `/channels/${channelId}/messages`);

describe("a reply in citebot's thread after a restart", () => {
  test("in the thread citebot opened, goes on from the thread's earlier turn", async () => {
    const question = fake.message({ content: mention("Who founded Zenith Mills?") });
    const first = await fake.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${question}/messages`,
    );
    expect(shown(first)).toContain("Tom Reed");
    await restart();
    const reply = fake.message({ channelId: question, content: "when did it start trading?" });
    const answer = await answerTo(question, reply);
    expect(shown(answer)).toContain("1950");
    expect(shown(answer)).not.toContain("1921");
    expect(historyReads(question)).toHaveLength(1);
  });

  test("in someone's thread where citebot answered a mention, goes on too", async () => {
    const thread = fake.thread();
    const question = fake.message({ channelId: thread, content: mention("Who founded Acme?") });
    await answerTo(thread, question);
    await restart();
    const reply = fake.message({ channelId: thread, content: "when did it start trading?" });
    const answer = await answerTo(thread, reply);
    expect(shown(answer)).toContain("1921");
    expect(shown(answer)).not.toContain("1950");
  });

  test("two quick replies read the thread's history once, and the second follows both turns", async () => {
    const question = fake.message({ content: mention("Who founded Zenith Mills?") });
    await fake.waitForRequest((r) => r.path === `/channels/${question}/messages`);
    await restart();
    const from = fake.requests.length;
    const one = fake.message({ channelId: question, content: "when did it start trading?" });
    const two = fake.message({ channelId: question, content: "what was its first product?" });
    expect(shown(await answerTo(question, one))).toContain("1950");
    const second = await answerTo(question, two);
    expect(shown(second)).toContain("flour sifter");
    expect(shown(second)).not.toContain("steam kettle");
    expect(historyReads(question, from)).toHaveLength(1);
  });

  test("a thread citebot never answered in stays ignored, and is read once", async () => {
    const thread = fake.thread();
    await restart();
    const from = fake.requests.length;
    const ignored = fake.message({ channelId: thread, content: "when did it start trading?" });
    const again = fake.message({ channelId: thread, content: "what was its first product?" });
    // One channel's messages are handled in order: once the mention is answered, both replies were passed over.
    const asked = fake.message({ channelId: thread, content: mention("Who founded Acme?") });
    await answerTo(thread, asked);
    const touched = (id: string) =>
      fake.requests.some((r) => r.method === "POST" && JSON.stringify(r.body).includes(id));
    expect(touched(ignored) || touched(again)).toBe(false);
    expect(historyReads(thread, from)).toHaveLength(1);
  });

  test("a history citebot may not read still answers in its own thread, afresh, and is not read again", async () => {
    const question = fake.message({ content: mention("Who founded Zenith Mills?") });
    await fake.waitForRequest((r) => r.path === `/channels/${question}/messages`);
    await restart();
    fake.intercept((r) =>
      r.method === "GET" && r.path === `/channels/${question}/messages`
        ? { status: 403, body: { message: "Missing Access", code: 50001 } }
        : undefined,
    );
    const from = fake.requests.length;
    const one = fake.message({ channelId: question, content: "when did it start trading?" });
    const two = fake.message({ channelId: question, content: "what was its first product?" });
    expect(shown(await answerTo(question, one))).toContain("1921"); // no earlier turn to narrow it
    await answerTo(question, two);
    expect(historyReads(question, from)).toHaveLength(1);
    expect(logger.lines.join("\n")).toContain("could not read a thread's earlier turns");
  });

  test("a mention in a text channel reads no history", async () => {
    await restart();
    const from = fake.requests.length;
    const question = fake.message({ content: mention("Who founded Acme?") });
    await fake.waitForRequest((r) => r.path === `/channels/${question}/messages`);
    expect(fake.requests.slice(from).filter((r) => r.method === "GET")).toEqual([]);
  });
});
