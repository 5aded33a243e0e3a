import { describe, expect, it } from "vitest";
import {
  groupGaps,
  summarize,
  toSummaryLines,
  type FeedbackRecord,
  type QuestionRecord,
} from "../../../src/tools.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

function q(
  id: string,
  day: number,
  outcome: QuestionRecord["outcome"],
  question: string,
  docs: string[] = [],
): QuestionRecord {
  return {
    id,
    askedAt: T0 + day * DAY,
    platform: "slack",
    workspace: null,
    channel: null,
    userHash: null,
    question,
    outcome,
    confidence: outcome === "help" ? null : 0.5,
    collection: null,
    cited: docs.map((doc) => ({ doc, line: 1, start: 0, end: 5 })),
  };
}

describe("groupGaps", () => {
  it.each([
    // The word most questions share becomes the first topic, as people wrote it.
    [
      [
        "How do I reset my password?",
        "Password reset fails",
        "Where is the VPN config?",
        "vpn setup on linux",
      ],
      [
        ["password", 2],
        ["vpn", 2],
      ],
    ],
    // Stems meet: "refunds" and "refund" are one topic.
    [
      ["Refunds for annual plans", "How long does a refund take?", "refund window"],
      [["refund", 3]],
    ],
    // Questions of only stop words have no topic.
    [["what is it?", "how?"], []],
  ])("%j → %j", (questions, expected) => {
    expect(groupGaps(questions).map((g) => [g.topic, g.count])).toEqual(expected);
  });

  it("keeps three examples, the most asked first", () => {
    const [topic] = groupGaps(["vpn a", "vpn b", "vpn b", "vpn c", "vpn d"]);
    expect(topic?.examples).toEqual(["vpn b", "vpn a", "vpn c"]);
  });
});

describe("summarize", () => {
  const questions = [
    q("1", 0, "answered", "How much?", ["a.md", "b.md"]),
    q("2", 0, "not_found", "vpn setup"),
    q("3", 1, "answered", "Who?", ["a.md"]),
    q("4", 1, "help", "hi"),
    q("5", 2, "not_found", "vpn again"),
  ];
  const feedback: FeedbackRecord[] = [
    { questionId: "1", userHash: "x", vote: -1, reason: "outdated", votedAt: T0 },
    { questionId: "1", userHash: "y", vote: -1, reason: null, votedAt: T0 },
    { questionId: "3", userHash: "x", vote: 1, reason: null, votedAt: T0 },
  ];
  const s = summarize(questions, feedback, {
    from: T0,
    to: T0 + 2 * DAY,
    documents: ["a.md", "b.md", "c.md"],
  });

  it("counts outcomes, days and the answered rate (help left out)", () => {
    expect([s.total, s.answered, s.notFound, s.help]).toEqual([5, 2, 2, 1]);
    expect(s.answeredRate).toBe(0.5);
    expect(s.days.map((d) => [d.day, d.total, d.answered])).toEqual([
      ["2026-11-01", 2, 1],
      ["2026-11-02", 2, 1],
      ["2026-11-03", 1, 0],
    ]);
  });

  it("lists voted-down answers with reasons, cited and never-cited documents", () => {
    expect(s.disliked.map((d) => [d.questionId, d.down, d.up, d.reasons])).toEqual([
      ["1", 2, 0, ["outdated"]],
    ]);
    expect(s.votes).toEqual({ up: 1, down: 2 });
    expect(s.cited).toEqual([
      { doc: "a.md", count: 2 },
      { doc: "b.md", count: 1 },
    ]);
    expect(s.neverCited).toEqual(["c.md"]);
  });

  it("says it in a few lines for chat", () => {
    expect(toSummaryLines(s).join("\n")).toMatchInlineSnapshot(`
      "5 questions since 2026-11-01: 2 answered, 2 not found, 1 help (answered rate 50%).
      Feedback: 1 👍, 2 👎.
      Most asked without an answer: "vpn" (2).
      Most 👎: "How much?" (2 👎).
      Most cited: a.md (2).
      Never cited: 1 of the seed files (see npm run report)."
    `);
  });
});
