import { describe, expect, it } from "vitest";
import { createCitebotFromTexts } from "../../src/tools.ts";

const TEXT = [
  "# Deal",
  "Tokyo agreed to pay $8 million into a fund for the victims of the war. Officials in Tokyo met reporters on the morning after the fund was announced.",
  "The fund's board meets in Seoul every spring, and Tokyo sends an observer.",
  "A festival in Osaka drew large crowds.",
].join("\n\n");

describe("excerpts after the first", () => {
  it("are left out when they only share a word or two with the question", () => {
    const bot = createCitebotFromTexts([{ doc: "deal.md", text: TEXT }]);
    const answer = bot.ask("How much did Tokyo agree to pay into the fund?");
    expect(answer.kind).toBe("cited");
    if (answer.kind !== "cited") return;
    // The neighbour of the answer and the board sentence mention Tokyo and the fund but say
    // nothing about how much was paid.
    expect(answer.excerpts.map((e) => e.text)).toEqual([
      "Tokyo agreed to pay $8 million into a fund for the victims of the war.",
    ]);
  });

  it("are kept when they answer too", () => {
    const text = `${TEXT}\n\nIn 2015 Tokyo agreed to pay the fund $8 million, the largest sum it paid.`;
    const bot = createCitebotFromTexts([{ doc: "deal.md", text }]);
    const answer = bot.ask("How much did Tokyo agree to pay into the fund?");
    expect(answer.kind).toBe("cited");
    if (answer.kind !== "cited") return;
    expect(answer.excerpts).toHaveLength(2);
  });
});
