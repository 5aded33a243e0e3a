import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCitebotFromTexts } from "../../src/tools.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const seedText = readFileSync(new URL(`../../seeds/${SEED}`, import.meta.url), "utf8");
const bot = createCitebotFromTexts([{ doc: SEED, text: seedText }]);

// A question word → whether it is corrected, and why. An ordinary English word the seeds lack
// is what the person meant; turning it into a seed word one edit away changes the question.
describe("spelling correction of question words", () => {
  it.each([
    ["How many tickets were sold?", "tickets", "an ordinary word, not a typo of 'jacket'"],
    ["Where was he buried?", "buried", "an ordinary word, not a typo of 'burned'"],
    ["What did she talk about?", "talk", "an ordinary word, not a typo of 'task'"],
    ["How fast was it?", "fast", "an ordinary word, not a typo of 'last'"],
  ])("%j keeps %j (%s)", (question, word) => {
    const { fixes } = bot.analyse(question);
    expect(fixes.has(word)).toBe(false);
  });

  it.each([
    ["how much did tokyo agree to pya", "pya", "pay"],
    ["who is the prime minster of japna", "japna", "japan"],
    ["what did the survivros want", "survivros", "survivors"],
  ])("%j corrects %j to %j (a real typo)", (question, typo, word) => {
    expect(bot.analyse(question).fixes.get(typo)).toBe(word);
  });
});
