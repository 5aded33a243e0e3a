import type { Answer, AskOptions, DocumentInfo, NotFound, Responder, Thread } from "./answer.ts";
import { createAnalyser, type Analysis } from "./analysis.ts";
import { chooseExcerpts } from "./choose-excerpts.ts";
import { shownKey, shownKeys } from "./conversation.ts";
import { respell } from "./correct-spelling.ts";
import { buildCorpus, totalsOf, type Corpus } from "../ingest/corpus.ts";
import { formatOf } from "../ingest/document.ts";
import { DEFAULT_MODELS } from "../model/default-models.ts";
import type { Models } from "../model/types.ts";
import { phraseOf } from "./phrase-of.ts";
import { parseQuestion } from "./question.ts";
import type { SentenceHit } from "./rank.ts";
import { buildIndex, type SearchIndex } from "../search/search-index.ts";
import { smallTalk } from "./small-talk.ts";

export type { Analysis } from "./analysis.ts";

/** Options for {@link createCitebot}; every field has a default. */
export interface CitebotOptions {
  /** Most excerpts in one answer (1–3). Default 3. */
  maxExcerpts?: number;
  /**
   * Least confidence (0–1, see confidence.ts) that the seeds answer the question; below it the
   * answer is "not found". Default DEFAULT_MIN_CONFIDENCE.
   */
  minConfidence?: number;
  /** The learned models (sentence ranking, answer phrase, confidence). Default DEFAULT_MODELS. */
  models?: Models;
}

/** Size of a loaded corpus. */
export interface CorpusStats {
  documents: number;
  passages: number;
  sentences: number;
  characters: number;
}

/** A ready question answerer over one corpus. */
export interface Citebot extends Responder {
  readonly stats: CorpusStats;
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  /** How sure citebot is that the seeds answer the question (0–1), as compared with `minConfidence`. */
  confidence(question: string): number;
  /** The steps before an answer is shaped, exactly as `ask` takes them (for tools and training). */
  analyse(question: string): Analysis;
}

/** Default least confidence for an answer; `npm run eval` shows the trade-off. */
export const DEFAULT_MIN_CONFIDENCE = 0.55;
const DEFAULTS = {
  maxExcerpts: 3,
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  models: DEFAULT_MODELS,
};

/** Refuses options outside their documented range rather than quietly clamping them. */
function checkOptions(maxExcerpts: number, minConfidence: number): void {
  if (!Number.isInteger(maxExcerpts) || maxExcerpts < 1 || maxExcerpts > 3)
    throw new RangeError(`citebot: maxExcerpts must be 1, 2 or 3, got ${maxExcerpts}`);
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new RangeError(
      `citebot: minConfidence must be a number from 0 to 1, got ${minConfidence}`,
    );
}

/** Creates the answerer from a parsed corpus and its index; throws RangeError on bad options. */
export function createCitebot(
  corpus: Corpus,
  index: SearchIndex,
  options: CitebotOptions = {},
): Citebot {
  const { minConfidence, models, maxExcerpts } = { ...DEFAULTS, ...options };
  checkOptions(maxExcerpts, minConfidence);
  const stats: CorpusStats = {
    documents: corpus.documents.length,
    passages: corpus.passages.length,
    ...totalsOf(corpus),
  };
  const documents: DocumentInfo[] = corpus.documents.map((d) => ({
    doc: d.doc,
    title: d.title,
    passages: d.passages,
  }));

  const titlesOf = (hits: readonly SentenceHit[]) =>
    [
      ...new Set(
        hits.map((h) => corpus.documents[h.passage.docIndex]?.title ?? "").filter(Boolean),
      ),
    ].slice(0, 3);
  const analyser = createAnalyser(corpus, index, models);
  const choose = (
    hits: readonly SentenceHit[],
    terms: string[],
    least: number,
    allExtra: boolean,
  ) =>
    chooseExcerpts(hits, terms, {
      corpus,
      index,
      confidence: models.confidence,
      maxExcerpts,
      least,
      allExtra,
    });

  function ask(raw: string, options: AskOptions = {}): Answer {
    const question = parseQuestion(typeof raw === "string" ? raw : "");
    const reason = smallTalk(question.text);
    if (reason) return { kind: "help", question: question.text, reason };
    const least = Math.max(minConfidence, options.minConfidence ?? 0);
    const { terms, fixes, hits, confidence } = analyser.inThread(
      question,
      options.thread ?? [],
      least,
    );
    const spelling = fixes.size > 0 ? respell(question.text, fixes) : undefined;
    const notFound = (withSpelling: boolean): NotFound => ({
      kind: "not_found",
      question: question.text,
      suggestions: { ...(withSpelling && spelling ? { spelling } : {}), titles: titlesOf(hits) },
      confidence,
    });
    if (confidence < least) return notFound(true);
    const [first, ...rest] = choose(hits, terms, least, false);
    if (!first) return notFound(false);
    const phrase = phraseOf(first, question, new Set(terms), models);
    return {
      kind: "cited",
      question: question.text,
      excerpts: [first, ...rest],
      ...(phrase ? { phrase } : {}),
      confidence,
    };
  }

  /** The next excerpts for the thread's last question: on topic and not shown yet. */
  function more(thread: Thread): Answer {
    const last = thread.at(-1);
    if (!last || last.shown.length === 0)
      return { kind: "no_more", question: last?.question ?? "" };
    const question = parseQuestion(last.question);
    const { terms, hits } = analyser.inThread(question, thread.slice(0, -1), minConfidence);
    const shown = shownKeys(thread);
    const fresh = hits.filter((h) => !shown.has(shownKey(analyser.placeOf(h))));
    const [first, ...rest] = choose(fresh, terms, minConfidence, true);
    if (!first) return { kind: "no_more", question: question.text };
    return { kind: "cited", question: question.text, excerpts: [first, ...rest] };
  }

  return {
    ask,
    more,
    confidence: (raw) => analyser.analyse(parseQuestion(raw)).confidence,
    analyse: (raw) => analyser.analyse(parseQuestion(raw)),
    documents: () => documents,
    stats,
    corpus,
    index,
  };
}

/** Builds an answerer from in-memory texts (tests, tools); `doc` decides the format. */
export function createCitebotFromTexts(
  files: readonly { doc: string; text: string }[],
  options: CitebotOptions = {},
): Citebot {
  const corpus = buildCorpus(
    files.map((f) => ({
      doc: f.doc,
      text: f.text.replace(/^\ufeff/, ""),
      format: formatOf(f.doc),
      size: f.text.length,
      mtimeMs: 0,
    })),
  );
  return createCitebot(corpus, buildIndex(corpus), options);
}
