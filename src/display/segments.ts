import type { AnswerPhrase, Excerpt } from "../answering/answer.ts";
import { formatOf } from "../ingest/document.ts";
import { markupSpans } from "./markup.ts";

/** How a piece of an excerpt should be marked when rendered. */
export type Mark = "plain" | "term" | "phrase";

/** A run of excerpt text that shares one mark. */
export interface Segment {
  text: string;
  mark: Mark;
}

/**
 * Splits an excerpt into plain, question-term and answer-phrase runs, so each platform only has
 * to wrap runs in its own markup. The answer phrase wins where it overlaps a term. Markdown and
 * reST markup (emphasis marks, link syntax, roles) is left out: it would show as noise.
 */
export function toSegments(excerpt: Excerpt, phrase?: AnswerPhrase): Segment[] {
  const { text } = excerpt;
  const marks = new Array<Mark>(text.length).fill("plain");
  const hidden = new Array<boolean>(text.length).fill(false);
  for (const m of markupSpans(text, formatOf(excerpt.doc))) {
    for (let i = m.start; i < m.end; i++) hidden[i] = true;
  }
  for (const h of excerpt.highlights) {
    for (let i = Math.max(0, h.start); i < Math.min(text.length, h.end); i++) marks[i] = "term";
  }
  if (phrase) {
    for (let i = Math.max(0, phrase.span.start); i < Math.min(text.length, phrase.span.end); i++) {
      marks[i] = "phrase";
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    if (hidden[i]) continue;
    const mark = marks[i] ?? "plain";
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text[i];
    else segments.push({ text: text[i] ?? "", mark });
  }
  return segments;
}

/**
 * Cuts text to at most `max` UTF-16 units, at a word boundary when one is near, ending with
 * an ellipsis. Never splits a surrogate pair.
 */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…".slice(0, Math.max(0, max));
  let cut = max - 1;
  const space = text.lastIndexOf(" ", cut);
  if (space > cut * 0.6) cut = space;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut).trimEnd() + "…";
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls other than white space, and the bidirectional controls that can make a quote
// read differently from what it says.
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Makes untrusted text safe to show on one line, on any platform: lone surrogates become
 * U+FFFD, control and bidi-override characters go, every run of white space becomes one space.
 */
export function toDisplayText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, "").replace(/\s+/g, " ");
}
