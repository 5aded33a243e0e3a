import type { Span } from "../ingest/span.ts";

export type { Span };

/** One quoted sentence (or the part of one) with the exact place it comes from. */
export interface Excerpt {
  /** Verbatim text: always `fileText.slice(start, end)`. */
  text: string;
  /** Document path relative to the seeds folder, with '/' separators. */
  doc: string;
  /** Document title (first heading, first line, or file name). */
  title: string;
  /** 1-based paragraph number within the document. */
  paragraph: number;
  /** 1-based line number of `start` within the document. */
  line: number;
  /** Offset of the first character in the file's text (BOM removed, line endings as stored). */
  start: number;
  /** Offset one past the last character. */
  end: number;
  /** Ranking score; higher is better, comparable only within one answer. */
  score: number;
  /** Question terms found in `text`, as spans relative to `text`, sorted and disjoint. */
  highlights: Span[];
  /** True when the sentence continues before `text` (render a leading ellipsis). */
  clippedStart: boolean;
  /** True when the sentence continues after `text` (render a trailing ellipsis). */
  clippedEnd: boolean;
}

/** The phrase inside the first excerpt most likely to be the answer itself. */
export interface AnswerPhrase {
  text: string;
  /** Offsets into the same file as the first excerpt. */
  start: number;
  end: number;
  /** The same phrase relative to the first excerpt's text. */
  span: Span;
}

/** What the user can try when nothing was found. */
export interface Suggestions {
  /** The question with unknown words replaced by the closest indexed words, if any changed. */
  spelling?: string;
  /** Titles of the documents closest to the question (may be empty). */
  titles: string[];
}

/** Why the question got a canned reply instead of a search. */
export type HelpReason = "empty" | "greeting" | "help" | "thanks";

/** A list with at least one element: `list[0]` is known to exist. */
export type NonEmpty<T> = [T, ...T[]];

/** The seeds answer the question: the sentences that do, each cited. */
export interface CitedAnswer {
  kind: "cited";
  question: string;
  /** 1–3 excerpts, best first, no sentence twice. */
  excerpts: NonEmpty<Excerpt>;
  /** The phrase inside `excerpts[0]` most likely to be the answer itself, when one was found. */
  phrase?: AnswerPhrase;
  /** How sure citebot is that the seeds answer it (0–1); the question log keeps it. */
  confidence?: number;
}

/** Nothing in the seeds answers the question; what the user could try instead. */
export interface NotFound {
  kind: "not_found";
  question: string;
  suggestions: Suggestions;
  /** As for a cited answer: how close the seeds came (0–1). */
  confidence?: number;
}

/** Not a question for the seeds (empty, a greeting, a request for help, thanks). */
export interface HelpReply {
  kind: "help";
  question: string;
  reason: HelpReason;
}

/** "More" was asked but no further excerpt answers the thread's last question. */
export interface NoMore {
  kind: "no_more";
  /** The question more excerpts were asked for ("" when the thread had none). */
  question: string;
}

/** Everything `ask` and `more` can return; renderers switch over `kind` exhaustively. */
export type Answer = CitedAnswer | NotFound | HelpReply | NoMore;

/** Where a shown excerpt came from: enough to recognise the sentence again. */
export interface ShownExcerpt {
  doc: string;
  start: number;
  end: number;
}

/** One earlier exchange of a conversation: what was asked and which excerpts were shown. */
export interface Turn {
  question: string;
  shown: ShownExcerpt[];
}

/** The earlier turns of a conversation, oldest first; kept by the caller (adapters). */
export type Thread = readonly Turn[];

/** Per-question options of {@link Responder.ask}. */
export interface AskOptions {
  /** Earlier turns of the conversation the question belongs to. */
  thread?: Thread;
  /** A stricter least confidence for this question (help channels); never looser than the default. */
  minConfidence?: number;
}

/** A document as listed by `:sources`, `/sources` and friends. */
export interface DocumentInfo {
  doc: string;
  title: string;
  passages: number;
}

/** What every front end needs from the core: answer a question, list the documents. */
export interface Responder {
  /** Answers a question, as a follow-up when `options.thread` holds earlier turns. */
  ask(question: string, options?: AskOptions): Answer;
  /** The next excerpts for the thread's last question, or `no_more`. */
  more(thread: Thread): Answer;
  documents(): DocumentInfo[];
}

/** Fails the build when a switch over a union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`citebot: unhandled case ${JSON.stringify(value)}`);
}
