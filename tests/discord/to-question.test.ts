import { describe, expect, test } from "vitest";
import { toQuestion, toRequest, type IncomingMessage } from "../../adapters/discord/to-question.ts";

const BOT = "111111111111111111";
const USER = "222222222222222222";

function message(overrides: Partial<IncomingMessage>): IncomingMessage {
  return {
    content: `<@${BOT}> how do I install it?`,
    author: { id: USER, bot: false },
    mentionedUserIds: [BOT],
    isDirect: false,
    ...overrides,
  };
}

describe("toQuestion", () => {
  test.each<[string, Partial<IncomingMessage>, string | null]>([
    ["a mention is a question without the mention", {}, "how do I install it?"],
    ["the legacy nickname mention is stripped too", { content: `<@!${BOT}> install?` }, "install?"],
    [
      "a mention in the middle",
      { content: `so <@${BOT}>, how   do I\ninstall?` },
      "so , how do I install?",
    ],
    ["a mention with no question is the empty question", { content: `<@${BOT}>` }, ""],
    [
      "other users, roles and channels are not words",
      { content: `<@${BOT}> <@${USER}> <@&333> <#444> install` },
      "install",
    ],
    [
      "@everyone and @here are not words either",
      { content: `<@${BOT}> @everyone @Here install` },
      "install",
    ],
    [
      "a DM needs no mention",
      { isDirect: true, mentionedUserIds: [], content: "install?" },
      "install?",
    ],
    [
      "a guild message that does not mention the bot",
      { mentionedUserIds: [USER], content: "install?" },
      null,
    ],
    [
      "a guild message that only writes the id",
      { mentionedUserIds: [], content: `<@${BOT}> hi` },
      null,
    ],
    ["another bot", { author: { id: USER, bot: true } }, null],
    ["another bot in a DM", { author: { id: USER, bot: true }, isDirect: true }, null],
    ["the bot itself", { author: { id: BOT, bot: false } }, null],
  ])("%s", (_name, overrides, expected) => {
    expect(toQuestion(message(overrides), BOT)).toBe(expected);
  });
});

describe("toRequest", () => {
  test.each([
    [
      { commandName: "ask", question: "  why\nnot? ", private: null },
      { kind: "ask", question: "why not?", ephemeral: false },
    ],
    [
      { commandName: "ask", question: "why", private: true },
      { kind: "ask", question: "why", ephemeral: true },
    ],
    [
      { commandName: "ask", question: "why", private: false },
      { kind: "ask", question: "why", ephemeral: false },
    ],
    [
      { commandName: "ask", question: null, private: null },
      { kind: "ask", question: "", ephemeral: false },
    ],
    [{ commandName: "sources", question: null, private: null }, { kind: "sources" }],
    [{ commandName: "help", question: null, private: null }, { kind: "help" }],
    [{ commandName: "other", question: null, private: null }, null],
  ])("%o → %o", (command, expected) => {
    expect(toRequest(command)).toEqual(expected);
  });
});
