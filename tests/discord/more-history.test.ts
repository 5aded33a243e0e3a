// More after a restart (issue 14): the conversation is read back from the channel's history
// through discord.js's REST reads against the fake, and "expired" only when it cannot be.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createMemoryLogger, type Responder } from "../../src/tools.ts";
import type { DiscordBot } from "../../adapters/discord/bot.ts";
import { EXPIRED } from "../../adapters/discord/more-button.ts";
import type { StoredDiscordMessage } from "../helpers/fake-discord-history.ts";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { createScriptedResponder } from "../helpers/scripted-responder.ts";
import { CAN_OPEN_THREADS, TOKEN, startOnFake, twoCompanies } from "../helpers/discord-core.ts";

let fake: FakeDiscord;
let bot: DiscordBot;
let logger: ReturnType<typeof createMemoryLogger>;
let responder: Responder;

/** A fresh process: no conversation of the last one is held. */
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
  responder = createScriptedResponder();
  await start();
});

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

const mention = (text: string) => `<@${fake.bot.id}> ${text}`;
const isPostIn = (channelId: string) => (r: RecordedRequest) =>
  r.method === "POST" && r.path === `/channels/${channelId}/messages`;
const callbackOf = (id: string) =>
  fake.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`));
const shown = (body: { embeds?: unknown[] }) => JSON.stringify(body.embeds ?? []);
/** citebot's last message in `channelId`, as the fake keeps it. */
const lastAnswer = (channelId: string) =>
  fake.history
    .in(channelId)
    .filter((m) => (m["author"] as { id: string }).id === fake.bot.id)
    .at(-1) as StoredDiscordMessage;
/** Presses More on `message` in `channelId` and returns citebot's reply to the press. */
async function more(channelId: string, message: StoredDiscordMessage) {
  const customId = `citebot:more:${channelId}`;
  const press = fake.component({ customId, channelId, message });
  return (await callbackOf(press.id)).body.data;
}

describe("More after a restart", () => {
  test("goes on from the answer in the thread citebot opened, and from a More's answer", async () => {
    const question = fake.message({ content: mention("how do I install it?") });
    await fake.waitForRequest(isPostIn(question)); // the thread opened on it has its id
    await restart();
    const second = await more(question, lastAnswer(question));
    expect(shown(second)).toContain("npm run discord");
    expect(second.flags ?? 0).toBe(0); // public, in the thread
    // The question is the thread's starter message, read from its channel.
    const reads = fake.requests.filter((r) => r.method === "GET").map((r) => r.path);
    expect(reads).toContain(`/channels/${fake.channelId}/messages/${question}`);
    await restart();
    const third = await more(question, lastAnswer(question)); // the More's answer
    expect(shown(third)).toContain("five questions a minute");
    const last = await more(question, lastAnswer(question));
    expect(last.content).toMatch(/^No more/);
  });

  test("goes on from an answer that replied to a mention in someone's thread", async () => {
    const thread = fake.thread();
    const question = fake.message({ channelId: thread, content: mention("how to install?") });
    await fake.waitForRequest(
      (r) => isPostIn(thread)(r) && r.body.message_reference?.message_id === question,
    );
    await restart();
    expect(shown(await more(thread, lastAnswer(thread)))).toContain("npm run discord");
  });

  test("says it expired when the question is gone from the history", async () => {
    const question = fake.message({ content: mention("how do I install it?") });
    await fake.waitForRequest(isPostIn(question));
    await restart();
    fake.history.delete(fake.channelId, question);
    expect(await more(question, lastAnswer(question))).toMatchObject({
      content: EXPIRED,
      flags: 64,
    });
    expect(logger.lines.join("\n")).toContain("could not read a More's conversation back");
  });

  test("says it expired when the answer no longer replays to what the message shows", async () => {
    const question = fake.message({ content: mention("how do I install it?") });
    await fake.waitForRequest(isPostIn(question));
    await restart();
    const edited = { ...lastAnswer(question), embeds: [{ description: "something else" }] };
    expect(await more(question, edited)).toMatchObject({ content: EXPIRED, flags: 64 });
    expect(logger.lines.join("\n")).toContain("no longer replays as shown");
  });

  test("says it expired on a private answer, never taking the thread's first post for its question", async () => {
    const question = fake.message({ content: mention("how do I install it?") });
    await fake.waitForRequest(isPostIn(question));
    await restart();
    const from = fake.requests.length;
    const press = fake.component({
      customId: "citebot:more:i1",
      channelId: question,
      ephemeral: true,
    });
    expect((await callbackOf(press.id)).body.data).toMatchObject({ content: EXPIRED, flags: 64 });
    expect(fake.requests.slice(from).filter((r) => r.method === "GET")).toEqual([]);
  });

  test("goes on from a follow-up, asked again with the thread's earlier turns", async () => {
    // Alone, "when did it start trading?" quotes both companies; in the thread, only Zenith.
    responder = twoCompanies();
    await restart();
    const question = fake.message({ content: mention("Who founded Zenith Mills?") });
    await fake.waitForRequest(isPostIn(question));
    const followUp = fake.message({ channelId: question, content: "when did it start trading?" });
    const answer = await fake.waitForRequest(
      (r) => isPostIn(question)(r) && r.body.message_reference?.message_id === followUp,
    );
    expect(shown(answer.body)).toContain("1950");
    expect(shown(answer.body)).not.toContain("1921");
    await restart();
    // Both sentences the thread showed are left out: nothing else answers it.
    expect((await more(question, lastAnswer(question))).content).toMatch(/^No more/);
  });
});
