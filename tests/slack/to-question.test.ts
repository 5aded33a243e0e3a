import { describe, expect, it } from "vitest";
import {
  commandQuestion,
  decodeSlackText,
  toQuestion,
  type SlackEventLike,
} from "../../adapters/slack/to-question.ts";

const BOT = "UBOT";
const mention = (extra: Partial<SlackEventLike>): SlackEventLike => ({
  type: "app_mention",
  user: "U1",
  channel: "C1",
  ts: "1.1",
  text: "<@UBOT> hi",
  ...extra,
});
const dm = (extra: Partial<SlackEventLike>): SlackEventLike => ({
  type: "message",
  channel_type: "im",
  user: "U1",
  channel: "D1",
  ts: "2.1",
  text: "hi",
  ...extra,
});

describe("toQuestion: which events are questions for citebot", () => {
  it.each<[string, SlackEventLike, ReturnType<typeof toQuestion>]>([
    [
      "a channel mention, answered in a new thread",
      mention({ text: "<@UBOT> what is X?" }),
      { question: "what is X?", userId: "U1", channel: "C1", threadTs: "1.1" },
    ],
    [
      "a mention inside a thread stays in that thread",
      mention({ thread_ts: "0.5" }),
      { question: "hi", userId: "U1", channel: "C1", threadTs: "0.5", inThread: true },
    ],
    [
      "a mention with the bot's name label",
      mention({ text: "<@UBOT|citebot> refunds" }),
      { question: "refunds", userId: "U1", channel: "C1", threadTs: "1.1" },
    ],
    ["a DM, answered in the DM", dm({}), { question: "hi", userId: "U1", channel: "D1" }],
    [
      "a DM reply in a thread",
      dm({ thread_ts: "2.0" }),
      { question: "hi", userId: "U1", channel: "D1", threadTs: "2.0", inThread: true },
    ],
    ["the bot's own DM message", dm({ user: BOT }), null],
    ["another bot's message", dm({ bot_id: "B2" }), null],
    ["a message with a bot profile", dm({ bot_profile: { id: "B3" } }), null],
    ["a bot_message subtype", dm({ subtype: "bot_message" }), null],
    ["an edit", dm({ subtype: "message_changed" }), null],
    [
      "a channel message that is not a mention",
      dm({ channel_type: "channel", channel: "C1" }),
      null,
    ],
    [
      "a mention inside a DM (the DM message is answered instead)",
      mention({ channel: "D1" }),
      null,
    ],
    ["an event without a user", dm({ user: undefined }), null],
    ["the bot mentioning itself", mention({ user: BOT }), null],
  ])("%s", (_name, event, expected) => {
    expect(toQuestion(event, BOT)).toEqual(expected);
  });
});

describe("toQuestion: channel messages without a mention", () => {
  const listening = {
    helpChannels: new Set(["CHELP"]),
    answeredIn: (channel: string, ts: string) => channel === "C1" && ts === "0.5",
  };
  const said = (extra: Partial<SlackEventLike>): SlackEventLike =>
    dm({ channel_type: "channel", channel: "C1", ts: "3.1", text: "and when?", ...extra });

  it.each<[string, SlackEventLike, ReturnType<typeof toQuestion>]>([
    [
      "a reply in a thread citebot answered in, answered there as a follow-up",
      said({ thread_ts: "0.5" }),
      { question: "and when?", userId: "U1", channel: "C1", threadTs: "0.5", inThread: true },
    ],
    ["a reply in a thread citebot never joined", said({ thread_ts: "0.9" }), null],
    ["a top-level message in an ordinary channel", said({}), null],
    [
      "a help-channel post, answered unasked in its own thread",
      said({ channel: "CHELP" }),
      { question: "and when?", userId: "U1", channel: "CHELP", threadTs: "3.1", unasked: true },
    ],
    [
      "a reply in a help-channel thread citebot never joined",
      said({ channel: "CHELP", thread_ts: "0.5" }),
      null,
    ],
    [
      "a help-channel post mentioning citebot (app_mention answers it)",
      said({ channel: "CHELP", text: "<@UBOT> when?" }),
      null,
    ],
    [
      "a reply mentioning citebot (app_mention answers it)",
      said({ thread_ts: "0.5", text: "<@UBOT|citebot> when?" }),
      null,
    ],
    [
      "a thread reply also sent to the channel",
      said({ thread_ts: "0.5", subtype: "thread_broadcast" }),
      null,
    ],
    ["citebot's own answer in the thread", said({ thread_ts: "0.5", user: BOT }), null],
    ["a group DM", said({ channel_type: "mpim", channel: "CHELP" }), null],
  ])("%s", (_name, event, expected) => {
    expect(toQuestion(event, BOT, listening)).toEqual(expected);
  });
});

describe("decodeSlackText: what the user typed", () => {
  it.each([
    ["<@UBOT> hello", "hello"],
    ["&lt;b&gt; &amp;amp; x", "<b> &amp; x"],
    ["see <https://example.com|example.com>", "see example.com"],
    ["see <https://example.com>", "see https://example.com"],
    ["in <#C1|general>", "in #general"],
    ["hey <!here> and <!subteam^S1|@devs>", "hey @here and @@devs"],
    ["ask <@U2> about it", "ask @U2 about it"],
    ["  spaced \n out  ", "spaced out"],
  ])("%j → %j", (raw, typed) => {
    expect(decodeSlackText(raw, BOT)).toBe(typed);
  });
});

describe("commandQuestion: the text after /ask", () => {
  it.each([
    [
      { text: "", user_id: "U1" },
      { question: "", userId: "U1" },
    ],
    [
      { text: "help", user_id: "U1" },
      { question: "help", userId: "U1" },
    ],
    [
      { text: " a &amp; b ", user_id: "U2" },
      { question: "a & b", userId: "U2" },
    ],
    [{}, { question: "", userId: "" }],
    // A numeric text (a client that sends JSON numbers) is the question it spells.
    [
      { text: 42, user_id: "U1" },
      { question: "42", userId: "U1" },
    ],
  ])("%j", (command, expected) => {
    expect(commandQuestion(command)).toEqual(expected);
  });

  it("decodes only the start of a huge text (4 × MAX_QUESTION_LENGTH), not all 800,000 characters", () => {
    const read = commandQuestion({ text: "refunds ".repeat(100_000), user_id: "U1" });
    expect(read).toEqual({ question: "refunds ".repeat(500).trim(), userId: "U1" });
  });

  it("explains a text that arrived twice (a repeated form field) instead of failing", () => {
    const read = commandQuestion({ text: ["refunds?", "shipping?"], user_id: "U1" });
    expect(read).toMatchObject({ userId: "U1" });
    expect("problem" in read && read.problem).toMatch(/more than once.*send the question again/);
  });
});
