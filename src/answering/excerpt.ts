import type { Excerpt, Span } from "./answer.ts";
import { lineAt, type Corpus, type Passage } from "../ingest/corpus.ts";
import { tokenize } from "../search/tokenize.ts";

/** Sentences longer than this are cut to the part that holds the question's words. */
export const MAX_EXCERPT_LENGTH = 400;

/** Question-term spans inside `text`, relative to it. */
export function termSpans(text: string, terms: ReadonlySet<string>): Span[] {
  return tokenize(text)
    .filter((t) => terms.has(t.term))
    .map((t) => ({ start: t.start, end: t.end }));
}

/** Chooses the window of at most MAX_EXCERPT_LENGTH holding most question terms, cut at spaces. */
function clip(text: string, matches: readonly Span[]): Span {
  let best = { start: 0, end: MAX_EXCERPT_LENGTH };
  let bestCount = -1;
  for (const m of matches.length ? matches : [{ start: 0, end: 0 }]) {
    const start = Math.max(0, Math.min(m.start - 60, text.length - MAX_EXCERPT_LENGTH));
    const end = start + MAX_EXCERPT_LENGTH;
    const count = matches.filter((x) => x.start >= start && x.end <= end).length;
    if (count > bestCount) {
      bestCount = count;
      best = { start, end };
    }
  }
  let { start, end } = best;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < start + 40) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > end - 40) end = space;
  }
  while (end > start && /[\s,;:]/.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

/** Builds the cited excerpt for one sentence of a passage. */
export function toExcerpt(
  corpus: Corpus,
  passage: Passage,
  sentence: number,
  terms: ReadonlySet<string>,
  score: number,
): Excerpt | null {
  const doc = corpus.documents[passage.docIndex];
  const span = passage.sentences[sentence];
  if (!doc || !span) return null;
  let start = span.start;
  let end = span.end;
  const full = doc.text.slice(start, end);
  if (full.length > MAX_EXCERPT_LENGTH) {
    const window = clip(full, termSpans(full, terms));
    end = start + window.end;
    start += window.start;
  }
  const text = doc.text.slice(start, end);
  return {
    text,
    doc: doc.doc,
    title: doc.title,
    paragraph: passage.paragraph,
    line: lineAt(doc.lineStarts, start),
    start,
    end,
    score: Math.round(score * 1000) / 1000,
    highlights: termSpans(text, terms),
    clippedStart: start > span.start,
    clippedEnd: end < span.end,
  };
}
