import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCitebotFromTexts, createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import { LIMITS } from "../../adapters/discord/render.ts";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { withoutEmphasis } from "../helpers/plain.ts";

// Seed text with the same tricks as the questions: it must be quoted, never obeyed.
const HOSTILE_SEED = [
  "# Rollback <@&42> @here",
  "",
  "The rollback command is *dangerous* and `unbalanced, ping <@123456789012345678> @everyone <!channel> <!subteam^S1|team>, see [https://docs.example](https://evil.example) ||spoiler|| > quote.",
  "",
  "The migration step reverses \u202Eelif siht\u202C text with zero\u200Bwidth and a NUL \u0000 byte and a lone \uD800 surrogate.",
  "",
  "# Install",
  "",
  "Run npm install to install the dependencies.",
].join("\n");

const QUESTIONS: [string, string][] = [
  ["empty", ""],
  ["white space only", " \t\n  "],
  ["40,000 characters", "rollback ".repeat(4445).slice(0, 40_000)],
  ["NUL and control characters", "roll\u0000back\u0007 \u001b[31mcommand"],
  ["invalid surrogates", "rollback \uD800 command \uDC00"],
  ["zero-width and bidi overrides", "roll\u200Bback \u202Ednammoc\u202C \u2066x\u2069"],
  ["emoji and combining marks", "🚀 rollback 👩‍💻 co\u0301mmand"],
  ["mass and user mentions", "@everyone @here <@123456789012345678> <@&42> <#99> rollback"],
  ["Slack mentions", "<!channel> <!subteam^S123|devs> <!here> rollback"],
  ["Markdown injection", "**rollback _command ` > # [good](https://evil.example) ||x"],
  ["MiniSearch syntax and regex", 'rollback AND (command OR "x") NOT y* ^2 ~1 .*[a-z]+$ \\d{3} +-'],
  ["Korean", "롤백 명령은 무엇입니까?"],
  ["Japanese", "ロールバックのコマンドは何ですか？"],
  ["Arabic", "ما هو أمر التراجع؟"],
];

let fake: FakeDiscord;
let bot: DiscordBot;
const logger = createMemoryLogger();

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startDiscord({
    responder: createCitebotFromTexts([{ doc: "ops/rollback.md", text: HOSTILE_SEED }]),
    config: { token: "abc.def.ghi", guildId: null, apiUrl: fake.apiUrl },
    seedsBaseUrl: null,
    logger,
    rateLimiter: createRateLimiter({ limit: 0 }),
  });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** The promises every reply keeps, whatever it was asked. */
function expectSafe(payload: {
  content?: string;
  embeds?: { description?: string; fields?: { name: string; value: string }[] }[];
  allowed_mentions?: unknown;
}) {
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  const content = payload.content ?? "";
  const embeds = payload.embeds ?? [];
  expect(content !== "" || embeds.length > 0).toBe(true);
  expect(content.length).toBeLessThanOrEqual(LIMITS.content);
  const texts = [content];
  for (const e of embeds) {
    expect((e.description ?? "").length).toBeLessThanOrEqual(LIMITS.description);
    texts.push(e.description ?? "");
    for (const f of e.fields ?? []) {
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      texts.push(f.name, f.value);
    }
  }
  for (const text of texts) {
    // What Discord would act on once escapes are removed: no pings, tags, links or spoilers.
    const live = text.replace(/\\[\s\S]/g, "");
    expect(live).not.toMatch(/<[@#!]|@everyone|@here|\|\||\]\(/);
    // eslint-disable-next-line no-control-regex -- control characters are what is checked
    expect(live).not.toMatch(/[\u0000-\u0008\u000E-\u001F\u202A-\u202E\u2066-\u2069]/);
    expect(live).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
    // Every bold, underline and code marker is closed; no stray emphasis characters.
    expect((live.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect((live.match(/__/g) ?? []).length % 2).toBe(0);
    expect((live.match(/`/g) ?? []).length % 2).toBe(0);
    expect(live.replace(/\*\*|__/g, "")).not.toMatch(/[*_~|]/);
  }
}

const isReplyTo = (id: string) => (r: RecordedRequest) =>
  r.method === "POST" && r.body?.message_reference?.message_id === id;

describe.each(QUESTIONS)("hostile question: %s", (_name, question) => {
  test("a mention gets a safe reply, and the next question is still answered", async () => {
    const id = fake.message({ content: `<@${fake.bot.id}> ${question}` });
    expectSafe((await fake.waitForRequest(isReplyTo(id))).body);
    const next = fake.message({ content: `<@${fake.bot.id}> how do I install?` });
    const reply = await fake.waitForRequest(isReplyTo(next));
    expect(withoutEmphasis(reply.body.embeds[0].description)).toContain("npm install");
  });

  test("/ask gets a safe reply", async () => {
    const { id } = fake.interaction({
      name: "ask",
      options: [{ name: "question", type: 3, value: question }],
    });
    const callback = await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(callback.body.type).toBe(4);
    expectSafe(callback.body.data);
  });

  test("Ask citebot on a message saying it gets a safe private reply", async () => {
    const { id } = fake.messageCommand({ name: "Ask citebot", target: { content: question } });
    const callback = await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    expectSafe(callback.body.data);
  });
});

test("hostile seed text is quoted, not obeyed", async () => {
  const id = fake.message({ content: `<@${fake.bot.id}> what does the rollback command do?` });
  const reply = (await fake.waitForRequest(isReplyTo(id))).body;
  expectSafe(reply);
  // The seed is Markdown: its *emphasis* is markup, left out rather than obeyed or escaped.
  const bare = String(reply.embeds[0].description).replace(/\*\*|__/g, ""); // our own bold marks
  expect(bare).toContain("dangerous");
  expect(bare).not.toMatch(/\*dangerous|dangerous\*/);
  expect(reply.embeds[0].description).toContain("\\<@123456789012345678\\>");
  expect(reply.embeds[0].description).toContain("@\u200Beveryone");
  const migration = fake.message({ content: `<@${fake.bot.id}> migration step reverses text` });
  const quoted = (await fake.waitForRequest(isReplyTo(migration))).body;
  expectSafe(quoted);
  expect(quoted.embeds[0].description).toContain("elif siht");
  expect(logger.lines.filter((l) => / error /.test(l))).toEqual([]);
});
