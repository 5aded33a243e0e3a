import { describe, expect, it } from "vitest";
import { toSegments, type Excerpt } from "../../src/index.ts";

function shown(doc: string, text: string): string {
  const excerpt: Excerpt = {
    text,
    doc,
    title: "T",
    paragraph: 1,
    line: 1,
    start: 0,
    end: text.length,
    score: 1,
    highlights: [],
    clippedStart: false,
    clippedEnd: false,
  };
  return toSegments(excerpt)
    .map((s) => s.text)
    .join("");
}

// seed text → what every platform shows of it, and why.
const CASES: [doc: string, text: string, shown: string, why: string][] = [
  [
    "a.md",
    "Use **bold** and __strong__ text.",
    "Use bold and strong text.",
    "strong emphasis marks are markup",
  ],
  [
    "a.md",
    "An *em* and an _em_ word.",
    "An em and an em word.",
    "single emphasis marks are markup",
  ],
  ["a.md", "Run `npm start` now.", "Run npm start now.", "code quotes are markup"],
  [
    "a.md",
    "See [the guide](https://x.example/g) first.",
    "See the guide first.",
    "a link shows its label only",
  ],
  ["a.md", "An ![logo](logo.png) here.", "An logo here.", "an image shows its alt text"],
  [
    "a.md",
    "snake_case_name and 2*3*4 stay.",
    "snake_case_name and 2*3*4 stay.",
    "marks inside words are text",
  ],
  ["a.md", "An *unbalanced mark stays.", "An *unbalanced mark stays.", "a lone mark is text"],
  [
    "a.rst",
    "Call :func:`open` or :py:meth:`str.split`.",
    "Call open or str.split.",
    "roles show their text",
  ],
  ["a.rst", "Use ``os.path`` here.", "Use os.path here.", "literal quotes are markup"],
  [
    "a.rst",
    "Read `Python <https://python.org>`_ docs.",
    "Read Python docs.",
    "a hyperlink shows its text",
  ],
  ["a.rst", "It works as follows::", "It works as follows:", "'::' introduces a code block"],
  [
    "a.txt",
    "Plain **text** stays *as* written.",
    "Plain **text** stays *as* written.",
    "text files have no markup",
  ],
];

describe("markup is left out of shown excerpts", () => {
  for (const [doc, text, expected, why] of CASES) {
    it(`${doc}: ${text} → ${expected} (${why})`, () => {
      expect(shown(doc, text)).toBe(expected);
    });
  }
});
