import { candidatesOf } from "./answer-phrase.ts";
import type { Corpus, Passage } from "../ingest/corpus.ts";
import type { Question } from "./question.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { DEFAULT_WEIGHTS } from "../model/learned-weights.ts";
import { tokenize } from "../search/tokenize.ts";

/** What the sentence score looks at; each is one weight in {@link RankWeights.features}. */
export const FEATURE_NAMES = [
  "own", // IDF share of the question's words found in the sentence itself
  "near", // … found only in the neighbouring sentences (questions borrow their words)
  "rest", // … found only elsewhere in the passage
  "section", // … found only in the section heading or title
  "passage", // the passage's BM25 score relative to the best passage
  "pairs", // pairs of question words side by side in the sentence (capped at 3)
  "typed", // the sentence holds a phrase of the asked kind (a year for "when"…)
  "matched", // share of the distinct question words the sentence holds, unweighted
  "length", // log of the sentence's word count
  "novel", // log of the count of its words that are not question words (answers are new words)
  "first", // the first sentence of its passage
  "rank", // 1 / (passage rank + 1)
  "rarest", // the question's rarest word is in the sentence
  "proximity", // matched words / the token span they cover
  "candidates", // log of the count of asked-kind phrases
  "ownSquared", // own², rewarding sentences that hold nearly the whole question
  "soft", // IDF share of question words met only as a word with the same 5-letter start
  "previous", // … found only in the previous sentence
  "next", // … found only in the next sentence
  "bm25", // BM25 of the sentence alone (term frequency, length), over the question's IDF
] as const;

/** One sentence-ranking feature. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Sentence-ranking parameters. */
export interface RankWeights {
  /** Passages taken from the index before their sentences are scored. */
  passages: number;
  /** Weight of each feature in the linear sentence score. */
  features: Readonly<Record<FeatureName, number>>;
}

/** A scored sentence candidate. */
export interface SentenceHit {
  passage: Passage;
  /** Index into `passage.sentences`. */
  sentence: number;
  score: number;
  /** Feature values, in FEATURE_NAMES order (for training and diagnosis). */
  features: number[];
  /** Share of the question's term weight found in the sentence itself. */
  own: number;
  /** Share found in the sentence, its passage or its heading, farther words weighing less. */
  coverage: number;
  /** The passage's BM25 score over the question's total IDF: how strongly it matched at all. */
  passageStrength: number;
  /** Whether the question's rarest word occurs in the passage or its heading. */
  rarestInPassage: boolean;
}

/** IDF of question terms absent from the sentence but sharing a 5-letter start with one of its words. */
function softShare(
  qset: ReadonlySet<string>,
  set: ReadonlySet<string>,
  idf: ReadonlyMap<string, number>,
): number {
  let sum = 0;
  for (const q of qset) {
    if (set.has(q) || q.length < 5) continue;
    const head = q.slice(0, 5);
    for (const t of set) {
      if (t.length >= 5 && t.startsWith(head)) {
        sum += idf.get(q) ?? 0;
        break;
      }
    }
  }
  return sum;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Typical sentence length in content words, for BM25's length normalisation. */
const AVERAGE_SENTENCE_TERMS = 14;

/** BM25 of one sentence's tokens for the question terms. */
function bm25(
  tokens: readonly { term: string }[],
  qset: ReadonlySet<string>,
  idf: ReadonlyMap<string, number>,
): number {
  const tf = new Map<string, number>();
  for (const t of tokens) if (qset.has(t.term)) tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
  const norm = 1 - BM25_B + (BM25_B * tokens.length) / AVERAGE_SENTENCE_TERMS;
  let sum = 0;
  for (const [term, f] of tf)
    sum += ((idf.get(term) ?? 0) * f * (BM25_K1 + 1)) / (f + BM25_K1 * norm);
  return sum;
}

/**
 * Scores the sentences of the best passages for a question; best first. `scale` weighs some
 * terms below 1 (a follow-up's borrowed words): their IDF counts for that share everywhere.
 */
export function rankSentences(
  question: Question,
  terms: readonly string[],
  index: SearchIndex,
  corpus: Corpus,
  weights: RankWeights = DEFAULT_WEIGHTS,
  scale?: ReadonlyMap<string, number>,
): SentenceHit[] {
  const hits = index.search(terms, weights.passages, scale);
  const top = hits[0]?.score ?? 0;
  if (top <= 0) return [];
  const qset = new Set(terms);
  const idf = new Map(terms.map((t) => [t, index.idf(t) * (scale?.get(t) ?? 1)]));
  const total = [...idf.values()].reduce((a, b) => a + b, 0) || 1;
  const rarest = terms.reduce(
    (best, t) => ((idf.get(t) ?? 0) > (idf.get(best) ?? 0) ? t : best),
    terms[0] ?? "",
  );
  const bigrams = new Set<string>();
  const qTerms = question.tokens.map((t) => t.term);
  for (let i = 1; i < qTerms.length; i++) bigrams.add(`${qTerms[i - 1]} ${qTerms[i]}`);
  const w = FEATURE_NAMES.map((name) => weights.features[name] ?? 0);
  const weigh = (set: ReadonlySet<string>, exclude: ReadonlySet<string>[] = []) => {
    let sum = 0;
    for (const t of set) if (qset.has(t) && !exclude.some((e) => e.has(t))) sum += idf.get(t) ?? 0;
    return sum;
  };
  const out: SentenceHit[] = [];
  hits.forEach((hit, rank) => {
    const passage = corpus.passages[hit.id];
    const doc = passage && corpus.documents[passage.docIndex];
    if (!passage || !doc) return;
    const texts = passage.sentences.map((s) => doc.text.slice(s.start, s.end));
    const sentenceTokens = texts.map((t) => tokenize(t));
    const sets = sentenceTokens.map((ts) => new Set(ts.map((t) => t.term)));
    const passageSet = new Set(sets.flatMap((s) => [...s]));
    const sectionSet = new Set(tokenize(passage.section).map((t) => t.term));
    sets.forEach((set, i) => {
      const near = new Set([...(sets[i - 1] ?? []), ...(sets[i + 1] ?? [])]);
      const own = weigh(set) / total;
      const neighbours = weigh(near, [set]) / total;
      const rest = weigh(passageSet, [set, near]) / total;
      const section = weigh(sectionSet, [passageSet]) / total;
      const tokens = sentenceTokens[i] ?? [];
      let pairs = 0;
      let novel = 0;
      let first = -1;
      let last = -1;
      let matchedTokens = 0;
      tokens.forEach((t, k) => {
        if (k > 0 && bigrams.has(`${tokens[k - 1]?.term} ${t.term}`)) pairs++;
        if (qset.has(t.term)) {
          matchedTokens++;
          if (first < 0) first = k;
          last = k;
        } else novel++;
      });
      let matched = 0;
      for (const t of qset) if (set.has(t)) matched++;
      const candidates = candidatesOf(texts[i] ?? "", question.type, qset).length;
      const soft = softShare(qset, set, idf) / total;
      const features = [
        own,
        neighbours,
        rest,
        section,
        hit.score / top,
        Math.min(pairs, 3),
        candidates > 0 ? 1 : 0,
        matched / qset.size,
        Math.log1p(tokens.length),
        Math.log1p(novel),
        i === 0 ? 1 : 0,
        1 / (rank + 1),
        set.has(rarest) ? 1 : 0,
        matchedTokens >= 2 ? matchedTokens / (last - first + 1) : 0,
        Math.log1p(candidates),
        own * own,
        soft,
        weigh(sets[i - 1] ?? new Set(), [set, sets[i + 1] ?? new Set()]) / total,
        weigh(sets[i + 1] ?? new Set(), [set, sets[i - 1] ?? new Set()]) / total,
        bm25(tokens, qset, idf) / total,
      ];
      let score = 0;
      for (let f = 0; f < features.length; f++) score += (w[f] ?? 0) * (features[f] ?? 0);
      out.push({
        passage,
        sentence: i,
        score,
        passageStrength: hit.score / total,
        rarestInPassage: passageSet.has(rarest) || sectionSet.has(rarest),
        features,
        own,
        // Words found farther from the sentence are weaker evidence that the seeds cover the
        // question (weights chosen on the tune half of squad-dev-a).
        coverage: own + 0.7 * neighbours + 0.5 * rest + 0.8 * section,
      });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}
