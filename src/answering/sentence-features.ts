import { candidatesOf } from "./answer-phrase.ts";
import type { PassageTerms, QuestionTerms } from "./sentence-terms.ts";
import type { Token } from "../search/tokenize.ts";
/** What the sentence score looks at; each is one weight of the sentence model. */
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
  "related", // IDF share of question words met only through a related word (WordNet), by its worth
  "reason", // a "why" question, and the sentence gives a reason ("because", "due to", "in order to"…)
  "reasonAfter", // a "why" question: "previous" (its words only in the sentence before, where the fact is)
] as const;

/** Words that give a reason or a purpose, for "why" questions. */
const REASON =
  /\b(?:because|due to|owing to|since|as a result|result(?:s|ed)? in|so that|so as to|in order to|to (?:prevent|protect|avoid|ensure|allow)|caus(?:e|es|ed|ing)|reasons?|led to|leads? to|thus|therefore|hence|for fear|argu(?:ed|ing) that|believ(?:ed|ing) that|thought that|fear(?:ed)? that|make it|made it)\b/i;

/** One sentence-ranking feature. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** A complete set of sentence feature values: a missing one is a compile error. */
export type SentenceFeatures = Record<FeatureName, number>;

/** IDF of the question terms in `set` that are in none of `exclude`. */
function weigh(q: QuestionTerms, set: ReadonlySet<string>, exclude: ReadonlySet<string>[] = []) {
  let sum = 0;
  for (const t of set)
    if (q.qset.has(t) && !exclude.some((e) => e.has(t))) sum += q.idf.get(t) ?? 0;
  return sum;
}

/** IDF of question terms absent from the sentence but sharing a 5-letter start with one of its words. */
function softShare(q: QuestionTerms, set: ReadonlySet<string>): number {
  let sum = 0;
  for (const t of q.qset) {
    if (set.has(t) || t.length < 5) continue;
    const head = t.slice(0, 5);
    for (const s of set) {
      if (s.length >= 5 && s.startsWith(head)) {
        sum += q.idf.get(t) ?? 0;
        break;
      }
    }
  }
  return sum;
}

/** IDF of question terms absent from the sentence but related to one of its words, by worth. */
function relatedShare(q: QuestionTerms, set: ReadonlySet<string>): number {
  let sum = 0;
  for (const [t, related] of q.related) {
    if (set.has(t)) continue;
    let best = 0;
    for (const r of related) if (r.weight > best && set.has(r.stem)) best = r.weight;
    sum += best * (q.idf.get(t) ?? 0);
  }
  return sum;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Typical sentence length in content words, for BM25's length normalisation. */
const AVERAGE_SENTENCE_TERMS = 14;

/** BM25 of one sentence's tokens for the question terms. */
function bm25(q: QuestionTerms, tokens: readonly Token[]): number {
  const tf = new Map<string, number>();
  for (const t of tokens) if (q.qset.has(t.term)) tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
  const norm = 1 - BM25_B + (BM25_B * tokens.length) / AVERAGE_SENTENCE_TERMS;
  let sum = 0;
  for (const [term, f] of tf)
    sum += ((q.idf.get(term) ?? 0) * f * (BM25_K1 + 1)) / (f + BM25_K1 * norm);
  return sum;
}

/** Where the question's words fall among the sentence's tokens. */
function tokenStats(q: QuestionTerms, tokens: readonly Token[]) {
  let pairs = 0;
  let novel = 0;
  let first = -1;
  let last = -1;
  let matchedTokens = 0;
  tokens.forEach((t, k) => {
    if (k > 0 && q.bigrams.has(`${tokens[k - 1]?.term} ${t.term}`)) pairs++;
    if (q.qset.has(t.term)) {
      matchedTokens++;
      if (first < 0) first = k;
      last = k;
    } else novel++;
  });
  const proximity = matchedTokens >= 2 ? matchedTokens / (last - first + 1) : 0;
  return { pairs, novel, proximity };
}

/** The feature values of sentence `i` of a passage. */
export function sentenceFeatures(q: QuestionTerms, p: PassageTerms, i: number): SentenceFeatures {
  const empty = new Set<string>();
  const set = p.sets[i] ?? empty;
  const before = p.sets[i - 1] ?? empty;
  const after = p.sets[i + 1] ?? empty;
  const near = new Set([...before, ...after]);
  const own = weigh(q, set) / q.total;
  const previous = weigh(q, before, [set, after]) / q.total;
  const tokens = p.tokens[i] ?? [];
  const { pairs, novel, proximity } = tokenStats(q, tokens);
  let matched = 0;
  for (const t of q.qset) if (set.has(t)) matched++;
  const candidates = candidatesOf(p.texts[i] ?? "", q.question.type, q.qset).length;
  return {
    own,
    near: weigh(q, near, [set]) / q.total,
    rest: weigh(q, p.passageSet, [set, near]) / q.total,
    section: weigh(q, p.sectionSet, [p.passageSet]) / q.total,
    passage: p.relative,
    pairs: Math.min(pairs, 3),
    typed: candidates > 0 ? 1 : 0,
    matched: matched / q.qset.size,
    length: Math.log1p(tokens.length),
    novel: Math.log1p(novel),
    first: i === 0 ? 1 : 0,
    rank: 1 / (p.rank + 1),
    rarest: set.has(q.rarest) ? 1 : 0,
    proximity,
    candidates: Math.log1p(candidates),
    ownSquared: own * own,
    soft: softShare(q, set) / q.total,
    previous,
    next: weigh(q, after, [set, before]) / q.total,
    bm25: bm25(q, tokens) / q.total,
    related: relatedShare(q, set) / q.total,
    reason: q.question.asksWhy && REASON.test(p.texts[i] ?? "") ? 1 : 0,
    reasonAfter: q.question.asksWhy ? previous : 0,
  };
}
