import type { Excerpt } from "../../src/tools.ts";

/** An excerpt of a test document's first paragraph: `text` at `start`, nothing highlighted or cut. */
export function plainExcerpt(text: string, start: number, doc: string, title: string): Excerpt {
  return {
    text,
    doc,
    title,
    paragraph: 1,
    line: 1,
    start,
    end: start + text.length,
    score: 1,
    highlights: [],
    clippedStart: false,
    clippedEnd: false,
  };
}
