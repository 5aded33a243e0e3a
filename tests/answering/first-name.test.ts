import { describe, expect, it } from "vitest";
import { askedSurname, holdsFirstName } from "../../src/answering/first-name.ts";

describe("askedSurname", () => {
  it.each([
    ["What is Cobham's first name?", "cobham"],
    ["what was pontanus's first name", "pontanus"],
    ["what is governor jennings' first name", "jennings"],
    ["what is the first name of Ratzel?", "ratzel"],
    ["who won super bowl 50", null],
    ["what was the name of the tax collector", null], // a name, not a first name
  ])("%j → %j", (question, surname) => {
    expect(askedSurname(question)).toBe(surname);
  });
});

// A sentence and a surname → whether it answers "what is <surname>'s first name", and why.
describe("holdsFirstName", () => {
  it.each([
    [
      "Political geographers such as Friedrich Ratzel of Germany",
      "ratzel",
      true,
      "a name before it",
    ],
    ["theorists as J. A. Hobson (1858–1940)", "hobson", true, "initials count"],
    ["This hypothesis is called the Cobham–Edmonds thesis.", "cobham", false, "only 'the'"],
    ["Governor Jennings declare martial law", "jennings", false, "a title is no first name"],
    ["LeGrande writes that the term is hard to define", "legrande", false, "the surname alone"],
  ] as [string, string, boolean, string][])("%j, %j → %j (%s)", (sentence, surname, holds) => {
    expect(holdsFirstName(sentence, surname)).toBe(holds);
  });
});
