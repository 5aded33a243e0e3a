import { describe, expect, it } from "vitest";
import { stem } from "../../src/search/tokenize.ts";

describe("irregular forms meet their base form", () => {
  it.each([
    ["women", "woman"], // the bundled seed's "comfort women"
    ["men", "man"],
    ["children", "child"],
    ["feet", "foot"],
    ["crises", "crisis"],
    ["analyses", "analysis"],
    ["phenomena", "phenomenon"],
    ["bacteria", "bacterium"],
    ["wives", "wife"],
    ["spokesmen", "spokesman"],
    ["spoke", "speak"], // verbs: irregular past, as before
    ["paid", "pay"],
  ])("%j stems like %j", (form, base) => {
    expect(stem(form)).toBe(stem(base));
  });

  it.each([
    ["theses", "these"], // Porter alone stems "theses" to the stop word "these"
    ["lives", "life"], // also the verb "lives": left to Porter
    ["leaves", "leaf"], // also the verb "leaves"
    ["media", "medium"], // a word of its own
  ])("%j does not stem like %j", (form, other) => {
    expect(stem(form)).not.toBe(stem(other));
  });
});
