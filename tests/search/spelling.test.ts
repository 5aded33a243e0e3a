import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCitebotFromTexts } from "../../src/tools.ts";
import { adjacentSwaps } from "../../src/search/transpositions.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const seedText = readFileSync(new URL(`../../seeds/${SEED}`, import.meta.url), "utf8");
const { index } = createCitebotFromTexts([{ doc: SEED, text: seedText }]);

describe("adjacentSwaps", () => {
  it.each([
    ["pya", ["ypa", "pay"]],
    ["japna", ["ajpna", "jpana", "janpa", "japan"]],
    ["ab", ["ba"]],
    ["all", ["lal"]], // the double l swaps with itself: no copy of "all"
    ["a", []],
    ["", []],
    ["çaf", ["açf", "çfa"]], // letters, not UTF-16 units
  ])("%j → %j", (word, swaps) => {
    expect(adjacentSwaps(word)).toEqual(swaps);
  });
});

// A typo of a word of the bundled seed → the seed word it is corrected to, and why.
describe("closestWord on the bundled seed", () => {
  it.each([
    ["japna", "japan", "swapped neighbours: one typo (Damerau), two for Levenshtein"],
    ["pya", "pay", "a swap is corrected even in a three-letter word"],
    ["tokoy", "tokyo", "swap at the end of a five-letter word"],
    ["aplogy", "apology", "a dropped letter, as before"],
    ["survivros", "survivors", "a swap in a long word beats the two-edit neighbours"],
    ["agere", "agree", "a swap whose stem is indexed ('agreed'), though that spelling is not"],
    ["statue", null, "a word the seed has needs no correction"],
    ["japn", "japan", "a dropped letter, as before"],
    ["tokio", "tokyo", "a substituted letter, as before"],
  ] as [string, string | null, string][])("%j → %j (%s)", (typo, word) => {
    expect(index.closestWord(typo)).toBe(word);
  });

  it.each([
    ["won", "an English word the seed lacks is no typo of 'own', one swap away"],
    ["pyx", "three letters: no swap makes a seed word, and substitutions are too loose there"],
    ["ab", "two letters are never corrected"],
  ])("%j → null (%s)", (word, _why) => {
    expect(index.closestWord(word)).toBeNull();
  });
});

describe("asking with swapped letters", () => {
  it("finds the sentence a transposed-letter question means", () => {
    const bot = createCitebotFromTexts([{ doc: SEED, text: seedText }]);
    const answer = bot.ask("how much did tokyo agree to pya");
    expect(answer.kind).toBe("cited");
    if (answer.kind !== "cited") return;
    expect(answer.excerpts[0].text).toContain("Tokyo agreed to pay $8 million");
  });

  it("suggests the respelt question when it still finds nothing", () => {
    const bot = createCitebotFromTexts([{ doc: SEED, text: seedText }]);
    const answer = bot.ask("What is the capital of Japna?");
    expect(answer.kind).toBe("not_found");
    if (answer.kind !== "not_found") return;
    expect(answer.suggestions.spelling).toBe("What is the capital of Japan?");
  });
});
