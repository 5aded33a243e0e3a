// The plain baselines `npm run eval` prints beside citebot: each ranks every sentence of the
// same corpus (same sentence splitting, same tokens and stems) by one classic score and always
// answers with the best one, so P@1 and MRR compare ranking alone and "declined" is always 0.
import { createCitebotFromTexts, tokenize, type SeedFile } from "../src/tools.ts";

/** A baseline's name and its score of a sentence for a question. */
export interface Baseline {
  name: string;
  score: (question: readonly string[], sentence: SentenceTerms, stats: CorpusTerms) => number;
}

/** One sentence's stemmed content terms. */
export interface SentenceTerms {
  text: string;
  terms: string[];
  counts: Map<string, number>;
}

/** What BM25 needs of the whole corpus of sentences. */
export interface CorpusTerms {
  sentences: number;
  averageLength: number;
  /** Sentences holding each term. */
  df: Map<string, number>;
}

const K1 = 1.2;
const B = 0.75;

/** Okapi BM25 with sentences as documents (k1 1.2, b 0.75). */
export const BM25: Baseline = {
  name: "BM25 (sentences)",
  score(question, s, c) {
    let sum = 0;
    const norm = 1 - B + (B * s.terms.length) / Math.max(1, c.averageLength);
    for (const t of question) {
      const f = s.counts.get(t) ?? 0;
      if (f === 0) continue;
      const df = c.df.get(t) ?? 0;
      const idf = Math.log(1 + (c.sentences - df + 0.5) / (df + 0.5));
      sum += (idf * f * (K1 + 1)) / (f + K1 * norm);
    }
    return sum;
  },
};

/** The count of distinct question words in the sentence ("most overlapping words"). */
export const WORD_OVERLAP: Baseline = {
  name: "word overlap",
  score: (question, s) => question.filter((t) => s.counts.has(t)).length,
};

/** A corpus's sentences as terms, ready for any baseline. */
export interface SentenceIndex {
  sentences: SentenceTerms[];
  stats: CorpusTerms;
}

/** Splits the files into citebot's own sentences and counts their terms. */
export function toSentenceIndex(files: readonly SeedFile[]): SentenceIndex {
  const { corpus } = createCitebotFromTexts(files);
  const sentences: SentenceTerms[] = [];
  for (const p of corpus.passages) {
    const text = corpus.documents[p.docIndex]?.text ?? "";
    for (const s of p.sentences) {
      const t = text.slice(s.start, s.end);
      const terms = tokenize(t).map((x) => x.term);
      const counts = new Map<string, number>();
      for (const x of terms) counts.set(x, (counts.get(x) ?? 0) + 1);
      sentences.push({ text: t, terms, counts });
    }
  }
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const length = sentences.reduce((n, s) => n + s.terms.length, 0);
  return {
    sentences,
    stats: {
      sentences: sentences.length,
      averageLength: length / Math.max(1, sentences.length),
      df,
    },
  };
}

/** The sentence texts best first under a baseline (ties keep corpus order); top `k` only. */
export function rankWith(
  baseline: Baseline,
  index: SentenceIndex,
  question: string,
  k = 3,
): string[] {
  const terms = [...new Set(tokenize(question).map((t) => t.term))];
  return index.sentences
    .map((s, i) => ({ s, i, score: baseline.score(terms, s, index.stats) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, k)
    .map((x) => x.s.text);
}

/** P@1 and reciprocal rank (over the top three, as citebot shows) of one baseline on questions. */
export function baselineScores(
  baseline: Baseline,
  index: SentenceIndex,
  questions: readonly { question: string; right: (sentence: string) => boolean }[],
): { p_at_1: number; mrr: number; questions: number } {
  let p1 = 0;
  let rr = 0;
  for (const q of questions) {
    const rank = rankWith(baseline, index, q.question).findIndex((s) => q.right(s));
    if (rank === 0) p1++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const n = Math.max(1, questions.length);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p_at_1: round(p1 / n), mrr: round(rr / n), questions: questions.length };
}
