import MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Corpus } from "../ingest/corpus.ts";
import { freezePostings, type Postings } from "./postings.ts";
import { scoreWithin } from "./bm25-lists.ts";
import { createTopK } from "./top-k.ts";
import { runSteps, type Steps } from "../ingest/steps.ts";
import { generalCount } from "./general-frequency.ts";
import { stem, tokenize } from "./tokenize.ts";
import { adjacentSwaps } from "./transpositions.ts";

/** A passage hit from the first, passage-level stage of ranking. */
export interface PassageHit {
  id: number;
  score: number;
}

/** The passage index plus the statistics sentence ranking and spelling need. */
export interface SearchIndex {
  /**
   * Passages matching any of `terms` (already stemmed), best first, at most `limit`; `scale`
   * weighs some terms below 1 (words a follow-up borrows from earlier turns).
   */
  search(
    terms: readonly string[],
    limit: number,
    scale?: ReadonlyMap<string, number>,
  ): PassageHit[];
  /** As {@link SearchIndex.search}, over the listed passages only (a thread's documents). */
  searchWithin(
    terms: readonly string[],
    ids: readonly number[],
    limit: number,
    scale?: ReadonlyMap<string, number>,
  ): PassageHit[];
  /** Inverse document frequency of a stemmed term over passages; unknown terms score highest. */
  idf(term: string): number;
  /** Whether a stemmed term occurs anywhere. */
  knows(term: string): boolean;
  /** The most frequent indexed word within a small Damerau edit distance of `word`, or null. */
  closestWord(word: string): string | null;
  /** The data to persist; see {@link restoreIndex}. */
  toSnapshot(): IndexSnapshot;
}

/** The persisted form of a {@link SearchIndex}: typed arrays and a lazily read vocabulary. */
export interface IndexSnapshot {
  postings: Postings;
  /** Passages containing each term (by term id) in their text; 0 for heading-only terms. */
  df: Uint32Array;
  /** Surface words and their counts, for spelling; called at the first misspelling only. */
  words: () => Iterable<[string, number]>;
}

/** Weight of a match in the section heading against one in the passage text. */
const SECTION_BOOST = 0.6;
const BOOSTS = { text: 1, section: SECTION_BOOST };

// Terms arrive pre-processed (see tokenize.ts), so MiniSearch only splits on spaces.
const MINISEARCH_OPTIONS = {
  fields: ["text", "section"],
  idField: "id",
  tokenize: (s: string) => s.split(" "),
  processTerm: (t: string) => t || null,
};

function createIndex(snapshot: IndexSnapshot): SearchIndex {
  const { postings, df } = snapshot;
  const n = postings.size;
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  let vocabulary: SearchableMap<number> | null = null;
  let words: Map<string, number> | null = null;
  const dfOf = (term: string) => {
    const t = postings.ids.get(term);
    const d = t === undefined ? 0 : (df[t] ?? 0);
    return d === 0 ? undefined : d;
  };
  const idf = (term: string) => {
    const d = dfOf(term);
    return d === undefined ? maxIdf : Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const top = createTopK(postings);
  const weighed = (terms: readonly string[], scale?: ReadonlyMap<string, number>) =>
    terms.map((term) => ({ term, weight: idf(term) * (scale?.get(term) ?? 1) }));
  return {
    search(terms, limit, scale) {
      if (terms.length === 0) return [];
      return top(weighed(terms, scale), limit);
    },
    searchWithin: (terms, ids, limit, scale) =>
      scoreWithin(postings, weighed(terms, scale), ids, limit),
    idf,
    knows: (term) => dfOf(term) !== undefined,
    closestWord(word) {
      if (word.length < 3 || !/^\p{L}+$/u.test(word)) return null;
      // A short English word the seeds lack ("won") is no typo of one they have ("own").
      if (word.length === 3 && generalCount(stem(word)) > 0) return null;
      words ??= new Map(snapshot.words());
      vocabulary ??= SearchableMap.from(words);
      const maxEdits = word.length <= 6 ? 1 : 2;
      // Swapped neighbours ("japna") are one typo, as in Damerau distance; MiniSearch counts two.
      const found = new Map<string, [number, number]>();
      for (const swap of adjacentSwaps(word)) {
        // A swap counts when it was seen, or when its stem was: "destory" means "destroy" though
        // only "destroyed" is in the seeds, where the two-edit "story" is no typo of it.
        const count = words.get(swap) ?? dfOf(stem(swap));
        if (count !== undefined) found.set(swap, [count, 1]);
      }
      // Three-letter words have too many neighbours one edit away; only a swap is safe there.
      if (word.length > 3)
        for (const [w, hit] of vocabulary.fuzzyGet(word, maxEdits))
          if (!found.has(w)) found.set(w, hit);
      let best: string | null = null;
      let bestKey = [Infinity, 0];
      for (const [candidate, [count, distance]] of found) {
        if (candidate === word) continue;
        // Fewer edits first, then the commoner word.
        if (
          distance < (bestKey[0] ?? Infinity) ||
          (distance === bestKey[0] && count > (bestKey[1] ?? 0))
        ) {
          best = candidate;
          bestKey = [distance, count];
        }
      }
      return best;
    },
    toSnapshot: () => snapshot,
  };
}

/** Indexes every passage of the corpus (text and section heading), in one go. */
export function buildIndex(corpus: Corpus): SearchIndex {
  return runSteps(indexSteps(corpus));
}

/** Passages between pauses when indexing in the background. */
const PASSAGES_PER_STEP = 2000;

/** Indexing as steps (see steps.ts): `runStepsInBackground(indexSteps(corpus))`. */
export function* indexSteps(corpus: Corpus): Steps<SearchIndex> {
  const ms = new MiniSearch(MINISEARCH_OPTIONS);
  const df = new Map<string, number>();
  const words = new Map<string, number>();
  const sectionTerms = new Map<string, string>();
  for (const p of corpus.passages) {
    if (p.id > 0 && p.id % PASSAGES_PER_STEP === 0) yield;
    const doc = corpus.documents[p.docIndex];
    if (!doc) continue;
    const tokens = tokenize(doc.text.slice(p.start, p.end));
    const seen = new Set<string>();
    for (const t of tokens) {
      if (!seen.has(t.term)) {
        seen.add(t.term);
        df.set(t.term, (df.get(t.term) ?? 0) + 1);
      }
      words.set(t.word, (words.get(t.word) ?? 0) + 1);
    }
    let section = sectionTerms.get(p.section);
    if (section === undefined) {
      section = tokenize(p.section)
        .map((t) => t.term)
        .join(" ");
      sectionTerms.set(p.section, section);
    }
    ms.add({ id: p.id, text: tokens.map((t) => t.term).join(" "), section });
  }
  // MiniSearch builds; its Maps are then copied into typed arrays and let go (5x smaller).
  const postings = freezePostings(ms, BOOSTS, df.keys(), corpus.passages.length);
  const dfById = new Uint32Array(postings.terms.length);
  for (const [term, d] of df) dfById[postings.ids.get(term) ?? 0] = d;
  return createIndex({ postings, df: dfById, words: () => words });
}

/** An index over a snapshot from {@link SearchIndex.toSnapshot} (as persisted and read back). */
export function restoreIndex(snapshot: IndexSnapshot): SearchIndex {
  return createIndex(snapshot);
}
