import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clipAtWord,
  toSegments,
  type AnswerPhrase,
  type Excerpt,
  type Span,
} from "../../src/index.ts";

function excerpt(text: string, highlights: Span[]): Excerpt {
  return {
    text,
    doc: "a.txt",
    title: "A",
    paragraph: 1,
    line: 1,
    start: 100,
    end: 100 + text.length,
    score: 1,
    highlights,
    clippedStart: false,
    clippedEnd: false,
  };
}

function phrase(text: string, span: Span): AnswerPhrase {
  return {
    text: text.slice(span.start, span.end),
    start: 100 + span.start,
    end: 100 + span.end,
    span,
  };
}

describe("toSegments", () => {
  const text = "Tokyo agreed to pay $8 million into a fund.";

  it("splits an excerpt into plain and term runs", () => {
    expect(
      toSegments(
        excerpt(text, [
          { start: 0, end: 5 },
          { start: 16, end: 19 },
        ]),
      ),
    ).toEqual([
      { text: "Tokyo", mark: "term" },
      { text: " agreed to ", mark: "plain" },
      { text: "pay", mark: "term" },
      { text: " $8 million into a fund.", mark: "plain" },
    ]);
  });

  it("marks the answer phrase, which wins where it overlaps a term", () => {
    const e = excerpt(text, [
      { start: 16, end: 19 },
      { start: 23, end: 30 },
    ]);
    expect(toSegments(e, phrase(text, { start: 20, end: 30 }))).toEqual([
      { text: "Tokyo agreed to ", mark: "plain" },
      { text: "pay", mark: "term" },
      { text: " ", mark: "plain" },
      { text: "$8 million", mark: "phrase" },
      { text: " into a fund.", mark: "plain" },
    ]);
  });

  it("gives no segments for empty text and one plain run without marks", () => {
    expect(toSegments(excerpt("", []))).toEqual([]);
    expect(toSegments(excerpt("plain", []))).toEqual([{ text: "plain", mark: "plain" }]);
  });

  it("always joins back to the excerpt, with no two neighbours sharing a mark", () => {
    const spans = (n: number) =>
      fc.array(
        fc
          .tuple(fc.nat({ max: n }), fc.nat({ max: n }))
          .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
        { maxLength: 4 },
      );
    const input = fc.string({ unit: "grapheme", maxLength: 40 }).chain((s) =>
      fc.tuple(
        fc.constant(s),
        spans(s.length + 3),
        fc.option(
          spans(s.length + 3).map((xs) => xs[0]),
          { nil: undefined },
        ),
      ),
    );
    fc.assert(
      fc.property(input, ([s, highlights, answer]) => {
        const segments = toSegments(excerpt(s, highlights), answer ? phrase(s, answer) : undefined);
        expect(segments.map((x) => x.text).join("")).toBe(s);
        for (let i = 1; i < segments.length; i++)
          expect(segments[i]?.mark).not.toBe(segments[i - 1]?.mark);
        for (const x of segments) expect(x.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("clipAtWord", () => {
  it("returns short text unchanged", () => {
    expect(clipAtWord("short text", 10)).toBe("short text");
  });

  it("cuts at the last word boundary and adds an ellipsis", () => {
    expect(clipAtWord("The quick brown fox jumps", 18)).toBe("The quick brown…");
  });

  it("cuts inside a word when no boundary is near", () => {
    expect(clipAtWord("Supercalifragilistic", 10)).toBe("Supercali…");
  });

  it("never splits a surrogate pair", () => {
    const emoji = "😀😀😀😀";
    expect(clipAtWord(emoji, 4)).toBe("😀…");
    expect(clipAtWord(emoji, 5)).toBe("😀😀…");
    expect(clipAtWord("ab𝄞cd", 4)).toBe("ab…");
  });

  it("handles limits of 0 and 1", () => {
    expect(clipAtWord("hello", 1)).toBe("…");
    expect(clipAtWord("hello", 0)).toBe("");
  });

  it("stays within the limit, keeps a prefix and leaves no lone surrogate, for any text", () => {
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (s, max) => {
          const out = clipAtWord(s, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (s.length <= max) {
            expect(out).toBe(s);
            return;
          }
          expect(out.endsWith("…")).toBe(max > 0);
          expect(s.startsWith(out.slice(0, -1).trimEnd())).toBe(true);
          expect(loneSurrogate.test(out)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
