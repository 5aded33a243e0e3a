import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS, pickAnswer, type AnswerType } from "../../src/tools.ts";

const pick = (text: string, type: AnswerType, terms: string[]) => {
  const span = pickAnswer(text, type, new Set(terms), "other", null, DEFAULT_MODELS.phrase);
  return span ? text.slice(span.start, span.end) : null;
};

// A question that asks for a kind of phrase gets one of that kind, or no highlight at all.
describe("pickAnswer by the asked kind of phrase", () => {
  it.each([
    ["Tokyo agreed to pay $8 million into a fund.", "number", ["tokyo", "pai"], "$8 million"],
    ["The deal was signed in the capital by both sides.", "number", ["deal"], null],
    [
      "The agreement was reached in December 2015 in Seoul.",
      "date",
      ["agreement"],
      "December 2015",
    ],
    ["Officials signed the deal at the embassy.", "date", ["sign"], null],
  ] as [string, AnswerType, string[], string | null][])(
    "%j as a %s question → %j",
    (text, type, terms, phrase) => {
      expect(pick(text, type, terms)).toBe(phrase);
    },
  );

  it("still picks a phrase for an open question", () => {
    expect(pick("The statue stands in front of the embassy.", "other", ["statu"])).not.toBeNull();
  });
});
