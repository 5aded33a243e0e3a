import type {
  Answer,
  AnswerPhrase,
  AskOptions,
  DocumentInfo,
  Excerpt,
  Responder,
  ShownExcerpt,
  Thread,
} from "./answer.ts";
import { pickAnswer } from "./answer-span.ts";
import { confidenceOf } from "./confidence.ts";
import { answeredKeys, borrowedTerms, pointsBack, shownKey, shownKeys } from "./conversation.ts";
import { buildCorpus, type Corpus } from "../ingest/corpus.ts";
import { toExcerpt } from "./excerpt.ts";
import { formatOf } from "../ingest/document.ts";
import { parseQuestion, type Question } from "./question.ts";
import { DEFAULT_MODELS } from "../model/default-models.ts";
import type { Models } from "../model/types.ts";
import { rankSentences, type SentenceHit } from "./rank.ts";
import { buildIndex, type SearchIndex } from "../search/search-index.ts";
import { smallTalk } from "./small-talk.ts";
import { correctSpelling, respell } from "./correct-spelling.ts";

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

/** What answering knows about a question before it shapes the answer. */
export interface Analysis {
  question: Question;
  /** The question's terms after spelling correction. */
  terms: string[];
  /** Corrected words: typed → indexed. */
  fixes: Map<string, string>;
  /** Ranked sentences, best first. */
  hits: SentenceHit[];
  confidence: number;
}

/** Default least confidence for an answer; `npm run eval` shows the trade-off. */
export const DEFAULT_MIN_CONFIDENCE = 0.55;
/** Excerpts after the first must still hold this share of the question (IDF-weighted). */
const MIN_EXTRA_COVERAGE = 0.3;
/**
 * … and hold in themselves this share of what the first holds: a sentence next to the answer
 * borrows its neighbour's words without answering anything.
 */
const EXTRA_OWN_SHARE = 0.6;

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
    sentences: corpus.passages.reduce((n, p) => n + p.sentences.length, 0),
    characters: corpus.documents.reduce((n, d) => n + d.text.length, 0),
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

  /**
   * The shared first steps of `ask`, `more`, `confidence` and training: parse, correct, rank, judge.
   * Words borrowed from earlier turns join the search weighted below the question's own;
   * sentences already shown in the thread are left out.
   */
  function analyse(
    question: Question,
    borrowed = new Map<string, number>(),
    thread: Thread = [],
  ): Analysis {
    const { terms: own, fixes } = correctSpelling(question, index);
    const terms = [...own, ...[...borrowed.keys()].filter((t) => !own.includes(t))];
    const scale = borrowed.size > 0 ? borrowed : undefined;
    const shown = answeredKeys(thread);
    const hits = rankSentences(question, terms, index, corpus, models.sentence, scale).filter(
      (h) => shown.size === 0 || !shown.has(shownKey(sentencePlace(h))),
    );
    const confidence = confidenceOf(hits[0], terms, index, models.confidence, scale);
    return { question, terms, fixes, hits, confidence };
  }

  const docText = new Map(corpus.documents.map((d) => [d.doc, d.text]));
  const textOf = (s: ShownExcerpt) => docText.get(s.doc)?.slice(s.start, s.end) ?? "";

  const sentencePlace = (hit: SentenceHit) => {
    const s = hit.passage.sentences[hit.sentence];
    return { doc: corpus.documents[hit.passage.docIndex]?.doc ?? "", start: s?.start ?? -1 };
  };

  /** A follow-up that stands on its own is answered on its own; one that leans back borrows. */
  function analyseInThread(question: Question, thread: Thread, least: number) {
    const alone = analyse(question, undefined, thread);
    if (thread.length === 0 || (!pointsBack(question) && alone.confidence >= least)) return alone;
    const borrowed = borrowedTerms(question, thread, textOf);
    if (borrowed.size === 0) return alone;
    return analyse(question, borrowed, thread);
  }

  function ask(raw: string, options: AskOptions = {}): Answer {
    const question = parseQuestion(typeof raw === "string" ? raw : "");
    const reason = smallTalk(question.text);
    if (reason) return { kind: "help", question: question.text, reason };
    const least = Math.max(minConfidence, options.minConfidence ?? 0);
    const { terms, fixes, hits, confidence } = analyseInThread(
      question,
      options.thread ?? [],
      least,
    );
    const spelling = fixes.size > 0 ? respell(question.text, fixes) : undefined;
    if (confidence < least) {
      return {
        kind: "not_found",
        question: question.text,
        suggestions: { ...(spelling ? { spelling } : {}), titles: titlesOf(hits) },
        confidence,
      };
    }
    const termSet = new Set(terms);
    const [first, ...rest] = excerptsOf(hits, terms, false, least);
    if (!first)
      return {
        kind: "not_found",
        question: question.text,
        suggestions: { titles: titlesOf(hits) },
        confidence,
      };
    const span = pickAnswer(
      first.text,
      question.type,
      termSet,
      question.form,
      question.focus,
      models.phrase,
    );
    const phrase: AnswerPhrase | undefined = span
      ? {
          text: first.text.slice(span.start, span.end),
          start: first.start + span.start,
          end: first.start + span.end,
          span,
        }
      : undefined;
    return {
      kind: "cited",
      question: question.text,
      excerpts: [first, ...rest],
      ...(phrase ? { phrase } : {}),
      confidence,
    };
  }

  /**
   * Up to maxExcerpts excerpts, best first. After the first (or all, for "more") only sentences
   * that answer too: on topic, and confident enough on their own to have been the answer.
   */
  function excerptsOf(
    hits: readonly SentenceHit[],
    terms: readonly string[],
    allExtra: boolean,
    least: number,
  ) {
    const excerpts: Excerpt[] = [];
    const cited = new Set<string>();
    const termSet = new Set(terms);
    for (const hit of hits) {
      if (excerpts.length >= maxExcerpts) break;
      const extra = allExtra || excerpts.length > 0;
      if (extra && hit.coverage < MIN_EXTRA_COVERAGE) continue;
      if (extra && hit.own < EXTRA_OWN_SHARE * (hits[0]?.own ?? 0)) continue;
      if (extra && confidenceOf(hit, terms, index, models.confidence) < least) continue;
      const key = `${hit.passage.id}:${hit.sentence}`;
      if (cited.has(key)) continue;
      cited.add(key);
      const excerpt = toExcerpt(corpus, hit.passage, hit.sentence, termSet, hit.score);
      if (excerpt) excerpts.push(excerpt);
    }
    return excerpts;
  }

  /** The next excerpts for the thread's last question: on topic and not shown yet. */
  function more(thread: Thread): Answer {
    const last = thread.at(-1);
    if (!last || last.shown.length === 0)
      return { kind: "no_more", question: last?.question ?? "" };
    const question = parseQuestion(last.question);
    const earlier = thread.slice(0, -1);
    const { terms, hits } = analyseInThread(question, earlier, minConfidence);
    const shown = shownKeys(thread);
    const fresh = hits.filter((h) => !shown.has(shownKey(sentencePlace(h))));
    const [first, ...rest] = excerptsOf(fresh, terms, true, minConfidence);
    if (!first) return { kind: "no_more", question: question.text };
    return { kind: "cited", question: question.text, excerpts: [first, ...rest] };
  }

  return {
    ask,
    more,
    confidence: (raw) => analyse(parseQuestion(raw)).confidence,
    analyse: (raw) => analyse(parseQuestion(raw)),
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
