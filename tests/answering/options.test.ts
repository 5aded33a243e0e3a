import { describe, expect, it } from "vitest";
import { createCitebotFromTexts } from "../../src/tools.ts";

const files = [{ doc: "a.txt", text: "Tokyo agreed to pay $8 million into a fund." }];

describe("createCitebot options", () => {
  it.each([0, 4, 1.5, Number.NaN])("refuses maxExcerpts %s instead of clamping it", (n) => {
    expect(() => createCitebotFromTexts(files, { maxExcerpts: n })).toThrow(
      /maxExcerpts must be 1, 2 or 3/,
    );
  });

  it.each([-0.1, 1.5, Number.NaN])("refuses minConfidence %s", (n) => {
    expect(() => createCitebotFromTexts(files, { minConfidence: n })).toThrow(
      /minConfidence must be a number from 0 to 1/,
    );
  });

  it.each([1, 2, 3])("accepts maxExcerpts %s", (n) => {
    expect(createCitebotFromTexts(files, { maxExcerpts: n }).ask("How much?").kind).toBeDefined();
  });
});
