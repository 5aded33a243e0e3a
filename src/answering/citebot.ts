import type { Answer, AnswerPhrase, DocumentInfo, Excerpt, Responder } from "./answer.ts";
import { pickAnswer } from "./answer-span.ts";
import { confidenceOf } from "./confidence.ts";
import { buildCorpus, type Corpus } from "../ingest/corpus.ts";
import { toExcerpt } from "./excerpt.ts";
import { formatOf } from "../ingest/document.ts";
import { parseQuestion, type Question } from "./question.ts";
import { DEFAULT_WEIGHTS } from "../model/learned-weights.ts";
import { rankSentences, type RankWeights, type SentenceHit } from "./rank.ts";
import { buildIndex, type SearchIndex } from "../search/search-index.ts";
import { smallTalk } from "./small-talk.ts";
import { stem } from "../search/tokenize.ts";

/** Options for {@link createCitebot}; every field has a default. */
export interface CitebotOptions {
  /** Most excerpts in one answer (1–3). Default 3. */
  maxExcerpts?: number;
  /**
   * Least confidence (0–1, see confidence.ts) that the seeds answer the question; below it the
   * answer is "not found". Default DEFAULT_MIN_CONFIDENCE.
   */
  minConfidence?: number;
  /** Sentence-ranking weights. Default {@link DEFAULT_WEIGHTS}. */
  weights?: RankWeights;
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
}

/** Default least confidence for an answer; `npm run eval` shows the trade-off. */
export const DEFAULT_MIN_CONFIDENCE = 0.55;
/** Excerpts after the first must still hold this share of the question (IDF-weighted). */
const MIN_EXTRA_COVERAGE = 0.3;

const DEFAULTS = {
  maxExcerpts: 3,
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  weights: DEFAULT_WEIGHTS,
};

/** Replaces unknown question words with the closest indexed word ("agre" → "agree"). */
function correctSpelling(
  question: Question,
  index: SearchIndex,
): { terms: string[]; fixes: Map<string, string> } {
  const fixes = new Map<string, string>();
  const terms = question.terms.slice();
  for (const token of question.tokens) {
    if (index.knows(token.term) || fixes.has(token.word)) continue;
    // A truncated word can be a stem itself: "agre" is how "agreed" is indexed.
    const word = index.knows(token.word) ? null : index.closestWord(token.word);
    if (word) fixes.set(token.word, word);
    const fixed = word ? stem(word) : index.knows(token.word) ? token.word : null;
    if (!fixed) continue;
    const at = terms.indexOf(token.term);
    if (at !== -1) terms[at] = fixed;
  }
  return { terms: [...new Set(terms)], fixes };
}

function respell(text: string, fixes: ReadonlyMap<string, string>): string {
  return text.replace(/[\p{L}\p{N}']+/gu, (w) => {
    const fix = fixes.get(w.toLowerCase());
    if (!fix) return w;
    return /^\p{Lu}/u.test(w) ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix;
  });
}

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
  const { minConfidence, weights, maxExcerpts } = { ...DEFAULTS, ...options };
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

  /** The shared first steps of `ask` and `confidence`: parse, correct, rank, judge. */
  function analyse(question: Question) {
    const { terms, fixes } = correctSpelling(question, index);
    const hits = rankSentences(question, terms, index, corpus, weights);
    return { terms, fixes, hits, confidence: confidenceOf(hits[0], terms, index) };
  }

  function ask(raw: string): Answer {
    const question = parseQuestion(typeof raw === "string" ? raw : "");
    const reason = smallTalk(question.text);
    if (reason) return { kind: "help", question: question.text, reason };
    const { terms, fixes, hits, confidence } = analyse(question);
    const spelling = fixes.size > 0 ? respell(question.text, fixes) : undefined;
    if (confidence < minConfidence) {
      return {
        kind: "not_found",
        question: question.text,
        suggestions: { ...(spelling ? { spelling } : {}), titles: titlesOf(hits) },
        confidence,
      };
    }
    const termSet = new Set(terms);
    const excerpts: Excerpt[] = [];
    const cited = new Set<string>();
    for (const hit of hits) {
      if (excerpts.length >= maxExcerpts) break;
      if (excerpts.length > 0 && hit.coverage < MIN_EXTRA_COVERAGE) continue;
      const key = `${hit.passage.id}:${hit.sentence}`;
      if (cited.has(key)) continue;
      cited.add(key);
      const excerpt = toExcerpt(corpus, hit.passage, hit.sentence, termSet, hit.score);
      if (excerpt) excerpts.push(excerpt);
    }
    const [first, ...rest] = excerpts;
    if (!first)
      return {
        kind: "not_found",
        question: question.text,
        suggestions: { titles: titlesOf(hits) },
        confidence,
      };
    const span = pickAnswer(first.text, question.type, termSet, question.form, question.focus);
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

  return {
    ask,
    confidence: (raw) => analyse(parseQuestion(raw)).confidence,
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
