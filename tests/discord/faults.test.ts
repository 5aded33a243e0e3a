import { afterEach, expect, test } from "vitest";
import { type Responder, createCitebotFromTexts, createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import { FakeDiscord, snowflake, type RecordedRequest } from "../helpers/fake-discord.ts";
import { withoutEmphasis } from "../helpers/plain.ts";

const TOKEN = "MTIzNDU2.fault-tests.token-never-logged";
const core = createCitebotFromTexts([
  { doc: "faq.md", text: "# FAQ\n\nThe rate limit is five questions a minute per user.\n" },
  { doc: "install.md", text: "# Install\n\nRun npm install to install the dependencies.\n" },
]);

let fake: FakeDiscord | undefined;
let bot: DiscordBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = fake = undefined;
});

/** Starts a bot on a fresh fake; the logger does not redact, so a leak would show. */
async function start(
  options: {
    channels?: number;
    limit?: number;
    responder?: Responder;
    stopGraceMs?: number;
    onFatal?: (code: number) => void;
  } = {},
) {
  const f = await FakeDiscord.start({ channels: options.channels ?? 1 });
  const logger = createMemoryLogger();
  const b = await startDiscord({
    responder: options.responder ?? core,
    config: { token: TOKEN, guildId: null, apiUrl: f.apiUrl },
    seedsBaseUrl: null,
    logger,
    // A stopped clock: the limit depends on the count of questions alone, never on speed.
    rateLimiter: createRateLimiter({ limit: options.limit ?? 5, now: () => 0 }),
    // The fake has no global rate limit; discord.js would otherwise pace itself at 50/s.
    clientOptions: { rest: { globalRequestsPerSecond: 100_000 } },
    ...(options.stopGraceMs === undefined ? {} : { stopGraceMs: options.stopGraceMs }),
    ...(options.onFatal === undefined ? {} : { onFatal: options.onFatal }),
  });
  fake = f;
  bot = b;
  return { fake: f, logger };
}

const repliesIn = (f: FakeDiscord, channelId: string) =>
  f.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`);
const replyTo = (f: FakeDiscord, id: string) =>
  f.waitForRequest(
    (r: RecordedRequest) => r.method === "POST" && r.body?.message_reference?.message_id === id,
  );

test("a burst of 1,000 questions from many users is answered or politely limited, in order per channel", async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    const { fake, logger } = await start({ channels: 5, limit: 3 });
    const users = Array.from({ length: 200 }, (_, i) => ({
      id: snowflake(),
      username: `user${i}`,
    }));
    const sent = new Map<string, string[]>(fake.channelIds.map((c) => [c, []]));
    for (let i = 0; i < 1000; i++) {
      const channelId = fake.channelIds[i % 5] ?? "";
      const question = i % 2 ? "what is the rate limit?" : "how do I install?";
      const id = fake.message({
        content: `<@${fake.bot.id}> ${question}`,
        author: users[i % 200] ?? fake.bot,
        channelId,
      });
      sent.get(channelId)?.push(id);
    }
    await fake.waitFor(() =>
      fake.requests.filter((r) => r.body?.message_reference).length >= 1000 ? true : undefined,
    );

    let answered = 0;
    let limited = 0;
    for (const [channelId, ids] of sent) {
      const replies = repliesIn(fake, channelId);
      expect(replies.map((r) => r.body.message_reference.message_id)).toEqual(ids);
      for (const r of replies) {
        if (r.body.embeds[0]?.description?.includes("**[1]**")) answered++;
        else if (/^You're asking faster than I can keep up/.test(r.body.content)) limited++;
      }
    }
    // Each user asked five times with a limit of three a minute.
    expect({ answered, limited }).toEqual({ answered: 600, limited: 400 });
    // The fake's bot may not open threads: one line per channel says so, nothing else is wrong.
    const warnings = logger.lines.filter((l) => / (error|warn) /.test(l));
    const noThreads = warnings.filter((l) => l.includes("cannot open a thread here"));
    expect(noThreads).toHaveLength(5);
    expect(warnings.filter((l) => !noThreads.includes(l))).toEqual([]);
    expect(rejections).toEqual([]);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});

test.each([
  ["closes with 4000 (resumable)", (f: FakeDiscord) => f.dropConnection(4000), "resume" as const],
  [
    "loses the session (re-identify)",
    (f: FakeDiscord) => {
      f.forgetSessions();
      f.dropConnection(4000);
    },
    "identify" as const,
  ],
])(
  "the gateway %s mid-session: the client reconnects and answers the next question",
  async (_name, drop, how) => {
    const { fake } = await start();
    await replyTo(fake, fake.message({ content: `<@${fake.bot.id}> rate limit?` }));
    drop(fake);
    await fake.waitForGateway(how, how === "identify" ? 2 : 1);
    const reply = await replyTo(
      fake,
      fake.message({ content: `<@${fake.bot.id}> how do I install?` }),
    );
    expect(withoutEmphasis(reply.body.embeds[0].description)).toContain("npm install");
  },
);

test("the token never reaches the log, even when REST calls, answering and the gateway fail", async () => {
  const responder: Responder = {
    ask: (q) => {
      if (q.includes("explode")) throw new Error(`failure while answering ${q}`);
      return core.ask(q);
    },
    more: (thread) => core.more(thread),
    documents: () => core.documents(),
  };
  const { fake, logger } = await start({ responder });
  // Typing is refused (no permission), answering throws for one question, the socket drops.
  fake.intercept((r) =>
    r.path.endsWith("/typing")
      ? { status: 403, body: { message: "Missing Permissions", code: 50013 } }
      : undefined,
  );
  await replyTo(fake, fake.message({ content: `<@${fake.bot.id}> explode` }));
  fake.dropConnection(4000);
  await fake.waitForGateway("resume");
  await replyTo(fake, fake.message({ content: `<@${fake.bot.id}> rate limit?` }));

  // The token was in use on every request, so a careless log line could have carried it.
  expect(fake.requests.every((r) => r.authorization === `Bot ${TOKEN}`)).toBe(true);
  const log = logger.lines.join("\n");
  expect(log).toContain("typing indicator failed");
  expect(log).toContain("answering a message failed");
  expect(log).toContain("gateway connection lost; reconnecting");
  expect(log).not.toContain(TOKEN);
  expect(log).not.toContain("fault-tests");
});

test("stop() abandons an answer stuck past the grace period and still closes the socket", async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    const { fake, logger } = await start({ stopGraceMs: 10 });
    fake.intercept((r) =>
      r.path.endsWith("/typing") ? new Promise<undefined>(() => {}) : undefined,
    );
    fake.message({ content: `<@${fake.bot.id}> rate limit?` });
    await fake.waitForRequest((r) => r.path.endsWith("/typing"));
    // The typing request never completes, so only the grace period can let stop() finish.
    await bot?.stop();
    expect(await fake.waitForGateway("close")).toEqual({ type: "close", code: 1000 });
    expect(logger.lines.at(-1)).toBe("[citebot] info discord: disconnected");
    expect(rejections).toEqual([]);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});

test("a gateway closed for good after start-up (a reset token) is reported so the process can exit", async () => {
  let fatal: (code: number) => void = () => {};
  const reported = new Promise<number>((resolve) => (fatal = resolve));
  const { fake, logger } = await start({ onFatal: (code) => fatal(code) });
  // 4004: authentication failed — discord.js does not reconnect after it.
  fake.dropConnection(4004);
  expect(await reported).toBe(4004);
  expect(logger.lines.some((l) => l.includes("gateway closed for good"))).toBe(true);
});
