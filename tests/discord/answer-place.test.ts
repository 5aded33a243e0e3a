import { describe, expect, test } from "vitest";
import { MAX_THREAD_NAME, threadName } from "../../adapters/discord/answer-place.ts";
import { viaOf } from "../../adapters/discord/to-question.ts";

describe("threadName", () => {
  test.each([
    ["how do I install it?", "how do I install it?"],
    ["**how** do I `install` ||it||?", "how do I install it?"],
    ["<@123456789012345678> who is @everyone and @here?", "who is everyone and here?"],
    ["[click](https://evil.test) # heading > quote", "click https://evil.test heading quote"],
    ["line one\nline\u202e two\u0000", "line one line two"],
    ["** ~~ __", "citebot"],
    ["", "citebot"],
  ])("%j becomes %j", (question, name) => {
    expect(threadName(question)).toBe(name);
  });

  test("a long question is clipped at a word within Discord's 100 characters", () => {
    const name = threadName("why ".repeat(60));
    expect(name.length).toBeLessThanOrEqual(MAX_THREAD_NAME);
    expect(name).toMatch(/why…$/);
  });
});

describe("viaOf", () => {
  const base = {
    content: "q",
    author: { id: "1", bot: false },
    mentionedUserIds: [],
    isDirect: false,
  };
  test.each([
    [{ ...base, isDirect: true }, "direct"],
    [{ ...base, mentionedUserIds: ["B"] }, "mention"],
    [{ ...base, mentionedUserIds: ["B"], inOwnThread: true, isHelpPost: true }, "mention"],
    [{ ...base, inOwnThread: true }, "thread"],
    [{ ...base, isHelpPost: true }, "help"],
    [base, null],
    [{ ...base, isHelpPost: true, author: { id: "2", bot: true } }, null],
  ])("%o reached citebot by %s", (message, via) => {
    expect(viaOf(message, "B")).toBe(via);
  });
});
