import type { ShownExcerpt, Thread } from "./answer.ts";
import { confidenceOf } from "./confidence.ts";
import {
  answeredKeys,
  borrowedTerms,
  MAX_TURNS_BACK,
  pointsBack,
  shownKey,
} from "./conversation.ts";
import { correctSpelling } from "./correct-spelling.ts";
import type { Corpus } from "../ingest/corpus.ts";
import type { Models } from "../model/types.ts";
import type { Question } from "./question.ts";
import { rankSentences, type SentenceHit } from "./rank.ts";
import type { SearchIndex } from "../search/search-index.ts";

/** Most passages of a thread's documents searched besides the whole index. */
const MAX_THREAD_PASSAGES = 4000;

/** The documents a thread's answers quoted, in its last three turns. */
function threadDocuments(thread: Thread): Set<string> {
  return new Set(
    thread.slice(-MAX_TURNS_BACK).flatMap((turn) => turn.shown.slice(0, 1).map((s) => s.doc)),
  );
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

/** The first steps of answering over one corpus: parse, correct, rank, judge. */
export interface Analyser {
  /** Words borrowed from earlier turns join weighted below the question's own; shown answers are left out. */
  analyse(question: Question, borrowed?: ReadonlyMap<string, number>, thread?: Thread): Analysis;
  /** A follow-up that stands on its own is analysed on its own; one that leans back borrows. */
  inThread(question: Question, thread: Thread, least: number): Analysis;
  /** Where a hit's sentence is, as a thread records shown excerpts. */
  placeOf(hit: SentenceHit): { doc: string; start: number };
}

/** Creates the analyser that `ask`, `more`, `confidence` and training share. */
export function createAnalyser(corpus: Corpus, index: SearchIndex, models: Models): Analyser {
  // One map from a document's name to its place, for the texts of shown excerpts and for the
  // passages of a thread's documents (passage ids are numbered document by document).
  const documentAt = new Map(corpus.documents.map((d, i) => [d.doc, i]));
  const firstPassage: number[] = [];
  let next = 0;
  for (const d of corpus.documents) {
    firstPassage.push(next);
    next += d.passages;
  }
  const textOf = (s: ShownExcerpt) => {
    const i = documentAt.get(s.doc);
    return i === undefined ? "" : (corpus.documents[i]?.text.slice(s.start, s.end) ?? "");
  };
  /** The passages of the documents the thread's answers quoted (the last three turns). */
  const threadPassages = (thread: Thread): number[] => {
    const ids: number[] = [];
    for (const doc of threadDocuments(thread)) {
      const at = documentAt.get(doc);
      if (at === undefined) continue;
      const from = firstPassage[at] ?? 0;
      const count = corpus.documents[at]?.passages ?? 0;
      for (let i = 0; i < count && ids.length < MAX_THREAD_PASSAGES; i++) ids.push(from + i);
    }
    return ids;
  };

  const placeOf = (hit: SentenceHit) => {
    const s = hit.passage.sentences[hit.sentence];
    return { doc: corpus.documents[hit.passage.docIndex]?.doc ?? "", start: s?.start ?? -1 };
  };

  function analyse(
    question: Question,
    borrowed: ReadonlyMap<string, number> = new Map(),
    thread: Thread = [],
  ): Analysis {
    const { terms: own, fixes } = correctSpelling(question, index);
    const terms = [...own, ...[...borrowed.keys()].filter((t) => !own.includes(t))];
    const scale = borrowed.size > 0 ? borrowed : undefined;
    const shown = answeredKeys(thread);
    const within = thread.length > 0 ? threadPassages(thread) : undefined;
    const hits = rankSentences(
      question,
      terms,
      index,
      corpus,
      models.sentence,
      scale,
      within,
    ).filter((h) => shown.size === 0 || !shown.has(shownKey(placeOf(h))));
    const confidence = confidenceOf(hits[0], terms, index, models.confidence, scale);
    return { question, terms, fixes, hits, confidence };
  }

  function inThread(question: Question, thread: Thread, least: number): Analysis {
    if (thread.length === 0) return analyse(question);
    // A question that stands on its own is tried alone first; one that leans back borrows at once.
    const leans = pointsBack(question);
    const alone = leans ? null : analyse(question, undefined, thread);
    if (alone && alone.confidence >= least)
      return inThreadDocuments(alone, undefined, thread, least);
    const borrowed = borrowedTerms(question, thread, textOf);
    if (borrowed.size === 0)
      return inThreadDocuments(
        alone ?? analyse(question, undefined, thread),
        undefined,
        thread,
        least,
      );
    return inThreadDocuments(analyse(question, borrowed, thread), borrowed, thread, least);
  }

  /**
   * In a thread, the documents its answers quoted (the last three turns) come first: their best
   * sentence leads when it clears the threshold by itself, the rest of the seeds follow. A
   * question about something else finds nothing confident there and keeps its own ranking.
   */
  function inThreadDocuments(
    analysis: Analysis,
    borrowed: ReadonlyMap<string, number> | undefined,
    thread: Thread,
    least: number,
  ): Analysis {
    const docs = threadDocuments(thread);
    const inThread = (h: SentenceHit) => docs.has(placeOf(h).doc);
    const first = analysis.hits.find(inThread);
    if (!first || first === analysis.hits[0]) return analysis;
    const scale = borrowed && borrowed.size > 0 ? borrowed : undefined;
    const confidence = confidenceOf(first, analysis.terms, index, models.confidence, scale);
    if (confidence < least) return analysis;
    const hits = [...analysis.hits.filter(inThread), ...analysis.hits.filter((h) => !inThread(h))];
    return { ...analysis, hits, confidence };
  }

  return { analyse, inThread, placeOf };
}
