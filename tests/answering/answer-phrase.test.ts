import { describe, expect, it } from "vitest";
import { candidatesOf, patternSpans } from "../../src/tools.ts";

const found = (text: string, kind: "date" | "number" | "amount") =>
  patternSpans(text, kind).map((s) => text.slice(s.start, s.end));

// text → the dates found in it.
const DATES: [text: string, dates: string[]][] = [
  ["It was signed on December 28, 2015 in Seoul.", ["December 28, 2015"]],
  ["It was signed on 28 December 2015.", ["28 December 2015"]],
  ["Japan ruled between 1910 and 1945.", ["1910", "1945"]],
  ["During the 1990s the talks stalled.", ["the 1990s"]],
  ["In the late 1800s trade grew.", ["the late 1800s"]],
  ["The war of 1861–65 ended slavery.", ["1861–65"]],
  ["By the 19th century it was a city.", ["19th century"]],
  ["Rome fell in 476 AD.", ["476 AD"]],
  ["It opened in March 1871.", ["March 1871"]],
  ["The meeting is on May 5.", ["May 5"]],
  ["It costs 250 dollars.", []],
  ["Moon Jae-in took office in May.", ["May"]],
  ["Kono responded Tuesday.", ["Tuesday"]],
  ["The task force concluded late a year ago.", ["a year ago"]],
  [
    "Talks resume next spring, three weeks later than planned.",
    ["next spring", "three weeks later"],
  ],
  ["It reopened two years later.", ["two years later"]],
  ["You may go, May said.", []],
];

describe("date pattern", () => {
  it.each(DATES)("%s → %j", (text, dates) => {
    expect(found(text, "date")).toEqual(dates);
  });
});

// text → the numbers (with a unit word) found in it.
const NUMBERS: [text: string, numbers: string[]][] = [
  ["Tokyo agreed to pay $8 million into a fund.", ["$8 million"]],
  ["As many as 200,000 Korean women were forced.", ["200,000 Korean"]],
  ["Turnout was 29.7% in the city.", ["29.7%"]],
  ["Only three survivors remain.", ["three survivors"]],
  ["He won 36 of the 40 seats.", ["36", "40 seats"]],
];

describe("number pattern", () => {
  it.each(NUMBERS)("%s → %j", (text, numbers) => {
    expect(found(text, "number")).toEqual(numbers);
  });
});

// text → bare amounts, which never take a trailing word or a sentence's final period.
const AMOUNTS: [text: string, amounts: string[]][] = [
  ["Tokyo agreed to pay $8 million into a fund.", ["$8 million"]],
  ["It was founded in 1871.", ["1871"]],
  ["Of 2,249 votes, 36 accepted.", ["2,249", "36"]],
  ["Growth was 4.5 percent.", ["4.5 percent"]],
];

describe("amount pattern", () => {
  it.each(AMOUNTS)("%s → %j", (text, amounts) => {
    expect(found(text, "amount")).toEqual(amounts);
  });
});

describe("candidatesOf", () => {
  it("finds names for a person question without the question's own words", () => {
    const text = "The apology came from Prime Minister Shinzo Abe of Japan.";
    const spans = candidatesOf(text, "person", new Set(["japan"]));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Prime Minister Shinzo Abe"]);
  });

  it("finds nothing to look for in an open question", () => {
    expect(candidatesOf("Anything at all, 1999.", "other", new Set())).toEqual([]);
  });
});
