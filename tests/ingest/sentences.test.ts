import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/sentences.ts";

/** The sentences of `text`, as strings. */
function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe("splitSentences", () => {
  // text → the sentences it must become
  const table: [string, string, string[]][] = [
    [
      "an initial before a country (the bundled seed)",
      "Director general officals of S. Korea Japan meet. Talks went on.",
      ["Director general officals of S. Korea Japan meet.", "Talks went on."],
    ],
    [
      "a dotted abbreviation",
      "The U.S. government agreed. Talks went on.",
      ["The U.S. government agreed.", "Talks went on."],
    ],
    ["Mr.", "Mr. Smith arrived. He sat down.", ["Mr. Smith arrived.", "He sat down."]],
    ["Dr.", "Then Dr. Jones spoke. She left.", ["Then Dr. Jones spoke.", "She left."]],
    [
      "No. before a number",
      "It is No. 5 on the list. Next one.",
      ["It is No. 5 on the list.", "Next one."],
    ],
    [
      "a month abbreviation",
      "It opened on Jan. 5 in Seoul. It closed later.",
      ["It opened on Jan. 5 in Seoul.", "It closed later."],
    ],
    [
      "a run of initials",
      "J. R. R. Tolkien wrote it. It sold well.",
      ["J. R. R. Tolkien wrote it.", "It sold well."],
    ],
    [
      "a decimal amount",
      "The fund holds $8.5 million now. It grew.",
      ["The fund holds $8.5 million now.", "It grew."],
    ],
    [
      "a three-dot ellipsis",
      "He paused... Then he went on. Done.",
      ["He paused... Then he went on.", "Done."],
    ],
    [
      "a one-character ellipsis",
      "He paused… Then he went on. Done.",
      ["He paused… Then he went on.", "Done."],
    ],
    [
      "a closing quote after the sentence's own period would be (the bundled seed)",
      '"It is not a genuine resolution of the issue". The deal was reached in 2015.',
      ['"It is not a genuine resolution of the issue".', "The deal was reached in 2015."],
    ],
    [
      "a period inside closing curly quotes",
      "He said “Go home.” She went.",
      ["He said “Go home.”", "She went."],
    ],
    [
      "question and exclamation marks",
      "Is it true? Yes! It is.",
      ["Is it true?", "Yes!", "It is."],
    ],
    [
      "list items, bullets and numbers dropped",
      "Bring these:\n- a lamp\n* a map\n1. a rope\n2) a knife",
      ["Bring these:", "a lamp", "a map", "a rope", "a knife"],
    ],
    [
      "a lower-case word after a period is not a new sentence",
      "See fig. 3 and the notes. Then stop.",
      ["See fig. 3 and the notes.", "Then stop."],
    ],
    [
      "a bullet whose text starts on the next line, without leading white space",
      "Intro:\n- \n  The item.",
      ["Intro:", "The item."],
    ],
    ["white space only", "   \n\t ", []],
  ];

  for (const [why, text, expected] of table) {
    it(`splits ${why}`, () => {
      expect(sentences(text)).toEqual(expected);
    });
  }

  it("returns absolute, trimmed offsets inside the given range", () => {
    const text = "IGNORED.  First one. Second one.  TAIL";
    const from = text.indexOf("First") - 1;
    const to = text.indexOf("TAIL");
    const spans = splitSentences(text, from, to);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["First one.", "Second one."]);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(from);
      expect(s.end).toBeLessThanOrEqual(to);
    }
  });
});
