// One contract for every front end: the same hostile inputs go through the REPL, Discord
// (mention) and Slack (mention and /ask), and every reply keeps the same promises.
import { readFileSync } from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCitebotFromTexts, createMemoryLogger } from "../src/tools.ts";
import { createRateLimiter } from "../adapters/shared/rate-limit.ts";
import { startRepl } from "../adapters/repl/repl.ts";
import { TERMINAL_HELP } from "../adapters/shared/terminal.ts";
import { startDiscord, type DiscordBot } from "../adapters/discord/bot.ts";
import { HELP_TEXT } from "../adapters/discord/render.ts";
import { startSlack, type SlackApp } from "../adapters/slack/app.ts";
import { FakeDiscord, type RecordedRequest } from "./helpers/fake-discord.ts";
import { FAKE_BOT, signSlack, startFakeSlack, type FakeSlack } from "./helpers/fake-slack.ts";
import {
  CONTROL_QUESTION,
  HOSTILE_INPUTS,
  HOSTILE_PAYLOAD,
  HOSTILE_SEEDS,
  NEXT_ANSWER,
  NEXT_QUESTION,
  PAYLOAD_QUESTION,
} from "./helpers/hostile-inputs.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const core = createCitebotFromTexts([
  { doc: SEED, text: readFileSync(new URL(`../seeds/${SEED}`, import.meta.url), "utf8") },
  ...HOSTILE_SEEDS,
]);
/** Citations link here, so the only link a reply may carry points below it. */
const BASE_URL = "https://docs.example/seeds";
const DISCORD_TOKEN = "MTIz.contract.discord-token";
const SLACK_TOKEN = "xoxb-1111-2222-contract-token";
const SLACK_SECRET = "contract-signing-secret-0123456789";

/** One reply as the contract sees it. */
interface Reply {
  kind: "answer" | "not_found" | "help" | "other";
  /** Every string a user reads, exactly as sent. */
  texts: string[];
  /** True when the reply shows `text` as written (modulo the front end's own markup). */
  shows(text: string): boolean;
  /** The platform's own promises: nothing pings, markup is balanced, links are ours. */
  expectPlatformSafe(): void;
}

/** A front end driven the way its users drive it. */
interface FrontEnd {
  name: string;
  /** Sends `text` as a user would and resolves with every reply it caused, in order. */
  ask(text: string): Promise<Reply[]>;
}

// ---------------------------------------------------------------- REPL

let replInput: PassThrough;
let replDone: Promise<void>;
const replWrites: string[] = [];
let replNotify = (): void => {};

/** Each `write` of the REPL is one reply; resolves once `count` writes have arrived. */
function replWritesUpTo(count: number): Promise<string[]> {
  return new Promise((resolve) => {
    replNotify = () => {
      if (replWrites.length >= count) resolve(replWrites.slice(0, count));
    };
    replNotify();
  });
}

function replReply(text: string): Reply {
  const kind = text.startsWith("[1] “")
    ? "answer"
    : text.startsWith("Not found:")
      ? "not_found"
      : text.includes(TERMINAL_HELP) || text.startsWith("You're welcome")
        ? "help"
        : "other";
  return {
    kind,
    texts: [text],
    // Brackets mark the answer phrase, so they are compared away on both sides.
    shows: (quoted) => text.replace(/[[\]]/g, "").includes(quoted.replace(/[[\]]/g, "")),
    expectPlatformSafe() {
      // A terminal cannot ping; its markup is `[n] “quote”` lines and `[answer]` brackets.
      for (const line of text.split("\n").filter((l) => /^\[\d+\] /.test(l))) {
        expect(line).toMatch(/^\[\d+\] “[\s\S]*”$/);
      }
      expect(text).not.toContain("\x1b"); // colour is off, so any ESC came from the input
    },
  };
}

const repl: FrontEnd = {
  name: "REPL",
  async ask(text) {
    // The REPL reads lines: a question with line breaks is several questions, each answered.
    // Each contract question starts a new conversation (`:new`, one write), as a new user would.
    const lines = text.split(/\r\n|\n|\r/).length;
    const before = replWrites.length + 1;
    replInput.write(`:new\n${text}\n`);
    return (await replWritesUpTo(before + lines)).slice(before).map(replReply);
  },
};

// ---------------------------------------------------------------- Discord

let fakeDiscord: FakeDiscord;
let discordBot: DiscordBot;
const discordLog = createMemoryLogger([DISCORD_TOKEN]);

interface DiscordBody {
  content?: string;
  embeds?: { description?: string; fields?: { name: string; value: string }[] }[];
  allowed_mentions?: unknown;
}

function discordReply(body: DiscordBody): Reply {
  const content = body.content ?? "";
  const embeds = body.embeds ?? [];
  const texts = [
    content,
    ...embeds.flatMap((e) => [
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ];
  const description = embeds[0]?.description ?? "";
  const kind = description.startsWith("> “")
    ? "answer"
    : content.startsWith("I couldn't find that")
      ? "not_found"
      : content.includes(HELP_TEXT) || content.startsWith("You're welcome")
        ? "help"
        : "other";
  return {
    kind,
    texts,
    // Undo the escapes, bold, underline and the zero-width space that defuses @everyone.
    shows: (quoted) =>
      texts
        .join("\n")
        .replace(/\\([\s\S])/g, "$1")
        .replace(/\*\*|__|\u200b/g, "")
        .includes(quoted),
    expectPlatformSafe() {
      expect(body.allowed_mentions).toEqual({ parse: [] });
      for (const text of texts) {
        // What Discord acts on once escapes are removed; the bot's own citation links go first.
        const live = text
          .replace(/\\[\s\S]/g, "")
          .replace(/\]\(https:\/\/docs\.example\/seeds\/[^)\s]*\)/g, "]");
        expect(live).not.toMatch(/<[@#!]|@everyone|@here/);
        expect(live, "a masked link to somewhere other than the seeds").not.toMatch(/\]\(/);
        expect((live.match(/\*\*/g) ?? []).length % 2).toBe(0);
        expect((live.match(/__/g) ?? []).length % 2).toBe(0);
        expect((live.match(/`/g) ?? []).length % 2).toBe(0);
        expect(live.replace(/\*\*|__/g, ""), "a stray formatting character").not.toMatch(/[*_~|]/);
      }
    },
  };
}

const discord: FrontEnd = {
  name: "Discord mention",
  async ask(text) {
    const id = fakeDiscord.message({ content: `<@${fakeDiscord.bot.id}> ${text}` });
    const isReply = (r: RecordedRequest) =>
      r.method === "POST" && r.body?.message_reference?.message_id === id;
    return [discordReply((await fakeDiscord.waitForRequest(isReply)).body as DiscordBody)];
  },
};

// ---------------------------------------------------------------- Slack

let fakeSlack: FakeSlack;
let slackApp: SlackApp;
const slackLog = createMemoryLogger([SLACK_TOKEN, SLACK_SECRET]);
let slackRequests = 0;

type Mrkdwn = { type: string; text: string };
interface SlackBody {
  text?: unknown;
  blocks?: { type: string; text?: Mrkdwn; elements?: Mrkdwn[] }[];
  link_names?: unknown;
  parse?: unknown;
}

// The renderer bolds with a zero-width space outside each star, so its markers are distinct.
const BOLD_MARKER = /\u200b\*|\*\u200b/g;
const OWN_LINK = /<https:\/\/docs\.example\/seeds\/[^<>|]*\|[^<>]*>/g;

function slackReply(body: SlackBody): Reply {
  const blocks = body.blocks ?? [];
  const texts = [
    String(body.text ?? ""),
    ...blocks.flatMap((b) => [
      ...(b.text ? [b.text.text] : []),
      ...(b.type === "context" ? (b.elements ?? []).map((e) => e.text) : []),
    ]),
  ];
  const first = blocks[0]?.text?.text ?? "";
  const kind = first.startsWith("*[1]* ")
    ? "answer"
    : first.startsWith("I couldn't find anything about")
      ? "not_found"
      : first.includes("Ask me about the documents")
        ? "help"
        : "other";
  return {
    kind,
    texts,
    // Undo the bold markers and the three entities.
    shows: (quoted) =>
      texts
        .join("\n")
        .replace(/[\u200b*]/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
        .includes(quoted.replace(/\*/g, "")),
    expectPlatformSafe() {
      expect(body.link_names === true || body.link_names === "true").toBe(false);
      expect(body.parse).not.toBe("full");
      for (const text of texts) {
        // Only the bot's own citation links may stay live; `&<>` everywhere else is escaped.
        const live = text.replace(OWN_LINK, "");
        expect(live, "a live <!…>, <@…> or <link>").not.toMatch(/[<>]/);
        expect(live, "an unescaped &").not.toMatch(/&(?!amp;|lt;|gt;)/);
        const markers = (text.match(BOLD_MARKER) ?? []).map((m) => (m.startsWith("*") ? ")" : "("));
        expect(markers.join(""), "bold markers open and close in turn").toMatch(/^(\(\))*$/);
      }
      for (const b of blocks.filter((b) => /^\*\[\d+\]\* /.test(b.text?.text ?? ""))) {
        expect(b.text?.type).toBe("mrkdwn");
      }
    },
  };
}

async function postSlack(body: string, type: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${slackApp.port}/slack/events`, {
    method: "POST",
    body,
    headers: { "content-type": type, ...signSlack(SLACK_SECRET, body) },
  });
  expect(res.status).toBe(200);
  await res.text();
}

const slackMention: FrontEnd = {
  name: "Slack mention",
  async ask(text) {
    const ts = `${1_800_000_000 + ++slackRequests}.000100`;
    const event = { type: "app_mention", user: "U1", text: `<@${FAKE_BOT.user_id}> ${text}` };
    await postSlack(
      JSON.stringify({
        token: "verification",
        team_id: FAKE_BOT.team_id,
        api_app_id: "A1",
        type: "event_callback",
        event_id: `Ev${slackRequests}`,
        event_time: 1,
        event: { ...event, ts, event_ts: ts, channel: "C1" },
        authorizations: [{ team_id: FAKE_BOT.team_id, user_id: FAKE_BOT.user_id, is_bot: true }],
      }),
      "application/json",
    );
    const call = await fakeSlack.calls.next(
      (c) => c.name === "chat.postMessage" && c.body["thread_ts"] === ts,
    );
    return [slackReply(call.body as SlackBody)];
  },
};

const slackCommand: FrontEnd = {
  name: "Slack /ask",
  async ask(text) {
    const id = `ask-${++slackRequests}`;
    const form = new URLSearchParams({
      token: "verification",
      team_id: FAKE_BOT.team_id,
      channel_id: "C1",
      user_id: "U1",
      command: "/ask",
      text,
      response_url: fakeSlack.responseUrl(id),
      trigger_id: `trigger-${id}`, // unique per invocation, as Slack sends it
      api_app_id: "A1",
    });
    await postSlack(form.toString(), "application/x-www-form-urlencoded");
    const response = await fakeSlack.responses.next((r) => r.name === id);
    return [slackReply(response.body as SlackBody)];
  },
};

// ---------------------------------------------------------------- set-up

beforeAll(async () => {
  replInput = new PassThrough();
  ({ done: replDone } = startRepl({
    input: replInput,
    output: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        replWrites.push(chunk.toString("utf8"));
        replNotify();
        callback();
      },
    }),
    responder: core,
    reload: () => Promise.reject(new Error("reload was not expected")),
    interactive: false,
    color: false,
  }));

  fakeDiscord = await FakeDiscord.start();
  discordBot = await startDiscord({
    responder: core,
    config: {
      token: DISCORD_TOKEN,
      guildId: null,
      apiUrl: fakeDiscord.apiUrl,
    },
    seedsBaseUrl: BASE_URL,
    logger: discordLog,
    rateLimiter: createRateLimiter({ limit: 0 }),
  });

  fakeSlack = await startFakeSlack();
  slackApp = await startSlack({
    responder: core,
    config: {
      mode: "http",
      botToken: SLACK_TOKEN,
      apiUrl: fakeSlack.apiUrl,
      signingSecret: SLACK_SECRET,
      port: 0,
    },
    logger: slackLog,
    rateLimiter: createRateLimiter({ limit: 0 }),
    seedsBaseUrl: BASE_URL,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
});

afterAll(async () => {
  replInput?.end();
  await replDone;
  await discordBot?.stop();
  await fakeDiscord?.close();
  await slackApp?.stop();
  await fakeSlack?.close();
});

// ---------------------------------------------------------------- the contract

// C0 controls other than tab and line feed, DEL and C1 controls: ESC, NUL and the like.
// eslint-disable-next-line no-control-regex -- control characters are what is checked
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Promises every reply keeps on every front end, whatever it was asked. */
function expectSafe(reply: Reply): void {
  expect(["answer", "not_found", "help"], reply.texts.join("\n")).toContain(reply.kind);
  expect(reply.texts.join("")).not.toBe("");
  for (const text of reply.texts) {
    expect(text, "a stack trace or raw error").not.toMatch(/\bError\b|\n\s+at .+:\d+:\d+/);
    expect(text, "a failure reply").not.toMatch(/something went wrong/i);
    expect(text, "a raw control character").not.toMatch(CONTROL);
    expect(text, "a bidirectional override").not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text, "a lone surrogate").not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  }
  reply.expectPlatformSafe();
}

function expectShows(reply: Reply | undefined, quoted: string): void {
  expect(reply?.shows(quoted), `${reply?.texts.join("\n")}\n  should show: ${quoted}`).toBe(true);
}

async function expectNextAnswered(frontEnd: FrontEnd): Promise<void> {
  const [reply, ...extra] = await frontEnd.ask(NEXT_QUESTION);
  expect(extra).toEqual([]);
  expect(reply?.kind).toBe("answer");
  expectShows(reply, NEXT_ANSWER);
  if (reply) expectSafe(reply);
}

const FRONT_ENDS = [repl, discord, slackMention, slackCommand];

describe.each(FRONT_ENDS.map((f) => [f.name, f] as const))("%s", (_name, frontEnd) => {
  test.each(HOSTILE_INPUTS.map((i) => [i.name, i.text] as const))(
    "%s: a safe reply, and the next question is still answered",
    async (_input, text) => {
      const replies = await frontEnd.ask(text);
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) expectSafe(reply);
      await expectNextAnswered(frontEnd);
    },
  );

  test("a seed's pings, links and markup are quoted, not obeyed", async () => {
    const [reply] = await frontEnd.ask(PAYLOAD_QUESTION);
    expect(reply?.kind).toBe("answer");
    expectShows(reply, HOSTILE_PAYLOAD);
    // Markdown link syntax in a .md seed is markup: its label is shown, and no link is made
    // (expectSafe checks that no link leads anywhere but the seeds' base URL).
    expectShows(reply, "click or <https://evil.example|docs>");
    expectShows(reply, "hostile/rollback.md");
    if (reply) expectSafe(reply);
    await expectNextAnswered(frontEnd);
  });

  test("a seed's control and bidi characters are quoted without them", async () => {
    const [reply] = await frontEnd.ask(CONTROL_QUESTION);
    expect(reply?.kind).toBe("answer");
    expectShows(reply, "hostile/migration.md");
    expectShows(reply, "elif siht");
    if (reply) expectSafe(reply);
    await expectNextAnswered(frontEnd);
  });
});

test("no front end logged an error while answering the whole table", () => {
  expect(discordLog.lines.filter((l) => / error /.test(l))).toEqual([]);
  expect(slackLog.lines.filter((l) => / error /.test(l))).toEqual([]);
});

// Each promise above must be able to fail: known-bad replies are fed to the same checks.
describe("the contract's checks reject what they forbid", () => {
  const discordText = (content: string): DiscordBody => ({
    content,
    embeds: [],
    allowed_mentions: { parse: [] },
  });
  const slackText = (text: string): SlackBody => ({
    text: "ok",
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  });
  const help = "I couldn't find that in the documents.";
  const slackHelp = "I couldn't find anything about “x” in the documents.";

  test.each([
    ["Discord without allowed_mentions", discordReply({ content: help, embeds: [] })],
    ["Discord @everyone", discordReply(discordText(`${help} @everyone`))],
    ["Discord <@id>", discordReply(discordText(`${help} <@123456789012345678>`))],
    ["Discord masked link", discordReply(discordText(`${help} [docs](https://evil.example)`))],
    ["Discord unclosed bold", discordReply(discordText(`${help} **bold`))],
    ["Discord stray underscore", discordReply(discordText(`${help} _x`))],
    ["Discord NUL", discordReply(discordText(`${help} \u0000`))],
    ["Discord bidi override", discordReply(discordText(`${help} \u202etxt`))],
    ["Discord lone surrogate", discordReply(discordText(`${help} \ud800`))],
    ["Discord failure line", discordReply(discordText("Sorry, something went wrong."))],
    ["Slack <!channel>", slackReply(slackText(`${slackHelp} <!channel>`))],
    ["Slack <@id>", slackReply(slackText(`${slackHelp} <@U123>`))],
    ["Slack foreign link", slackReply(slackText(`${slackHelp} <https://evil.example|docs>`))],
    ["Slack bare &", slackReply(slackText(`${slackHelp} a & b`))],
    ["Slack unclosed bold", slackReply(slackText(`${slackHelp} \u200b*x`))],
    ["Slack link_names", slackReply({ ...slackText(slackHelp), link_names: "true" })],
    ["Slack ESC", slackReply(slackText(`${slackHelp} \u001b[31m`))],
    ["REPL ESC", replReply("Not found: nothing \u001b[2J")],
    ["REPL unclosed quote", replReply("[1] “Half a quote\n    — T (a.md:1)")],
    ["REPL stack trace", replReply("Not found: Error: boom\n    at ask (src/citebot.ts:1:2)")],
    ["an unknown reply", replReply("Reloaded: 2 documents.")],
  ])("%s", (_name, reply) => {
    expect(() => expectSafe(reply)).toThrow();
  });

  test.each([
    ["Discord", discordReply(discordText(`${help} @\u200beveryone \\<@1\\> \\*x`))],
    ["Slack", slackReply(slackText(`${slackHelp} &lt;!channel&gt; <${BASE_URL}/a.md#L1|A>`))],
    ["REPL", replReply("[1] “The [answer] <!channel>”\n    — T (a.md:1)")],
  ])("%s: an escaped reply passes", (_name, reply) => {
    expectSafe(reply);
  });

  test("a quote is found only where it was shown", () => {
    const shown = discordReply(discordText(`${help} \\<@1\\> @\u200beveryone`));
    expect(shown.shows("<@1> @everyone")).toBe(true);
    expect(shown.shows("<@2>")).toBe(false);
    expect(slackReply(slackText(`${slackHelp} &lt;!here&gt;`)).shows("<!here>")).toBe(true);
    expect(replReply("[1] “pay [$8] million”").shows("pay $8 million")).toBe(true);
    expect(replReply("[1] “pay [$8] million”").shows("pay $9 million")).toBe(false);
  });
});
