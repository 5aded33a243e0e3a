import { describe, expect, it } from "vitest";
import { exactMatch, f1Score, fold, holdsAnswer, normalizeAnswer } from "../../tools/scoring.ts";

describe("normalizeAnswer (SQuAD)", () => {
  it.each([
    ["The Eiffel Tower", "eiffel tower"],
    ["  a   cat, an owl ", "cat owl"],
    ["U.S.", "us"],
    ["$8 million!", "8 million"],
    ["“Quoted” — text", "quoted text"],
    ["theatre another", "theatre another"], // articles only as whole words
  ])("%j → %j", (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

describe("exactMatch", () => {
  it("is 1 when the normalised prediction equals any gold answer", () => {
    expect(exactMatch("the Eiffel tower.", ["Louvre", "Eiffel Tower"])).toBe(1);
  });

  it("is 0 for a longer or shorter phrase", () => {
    expect(exactMatch("$8 million into a fund", ["$8 million"])).toBe(0);
    expect(exactMatch("", ["$8 million"])).toBe(0);
  });
});

describe("f1Score", () => {
  it("scores token overlap against the best gold answer", () => {
    // prediction {cat, sat} vs gold {cat, sat, down}: precision 1, recall 2/3 → F1 0.8
    expect(f1Score("the cat sat", ["a cat sat down"])).toBeCloseTo(0.8, 10);
    expect(f1Score("the cat sat", ["dog", "cat sat"])).toBe(1);
  });

  it("counts repeated tokens only as often as the gold answer has them", () => {
    // prediction {8, 8} vs gold {8}: one common token, precision 1/2, recall 1 → 2/3
    expect(f1Score("8 8", ["8"])).toBeCloseTo(2 / 3, 10);
  });

  it("is 0 with no common token or an empty prediction", () => {
    expect(f1Score("Paris", ["London"])).toBe(0);
    expect(f1Score("", ["London"])).toBe(0);
    expect(f1Score("London", [])).toBe(0);
  });
});

describe("holdsAnswer (P@1 rule)", () => {
  it("finds a gold answer inside the excerpt, ignoring case and runs of white space", () => {
    expect(holdsAnswer("Tokyo agreed to pay $8\n  Million into a fund.", ["$8 million"])).toBe(
      true,
    );
    expect(holdsAnswer("Tokyo agreed to pay.", ["$8 million", "eight million"])).toBe(false);
  });

  it("folds case and white space", () => {
    expect(fold("  A\tB \n C ")).toBe("a b c");
  });
});
