import MiniSearch, { type AsPlainObject } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Corpus } from "../ingest/corpus.ts";
import { openPostings } from "./postings.ts";
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
  /** Inverse document frequency of a stemmed term over passages; unknown terms score highest. */
  idf(term: string): number;
  /** Whether a stemmed term occurs anywhere. */
  knows(term: string): boolean;
  /** The most frequent indexed word within a small Damerau edit distance of `word`, or null. */
  closestWord(word: string): string | null;
  /** Plain data to persist; see {@link restoreIndex}. */
  toJSON(): IndexSnapshot;
}

/** The persisted form of a {@link SearchIndex}. */
export interface IndexSnapshot {
  minisearch: AsPlainObject;
  df: [string, number][];
  words: [string, number][];
  passages: number;
}

/** Weight of a match in the section heading against one in the passage text. */
const SECTION_BOOST = 0.6;

// Terms arrive pre-processed (see tokenize.ts), so MiniSearch only splits on spaces.
const MINISEARCH_OPTIONS = {
  fields: ["text", "section"],
  idField: "id",
  tokenize: (s: string) => s.split(" "),
  processTerm: (t: string) => t || null,
  searchOptions: { combineWith: "OR" as const, boost: { section: SECTION_BOOST } },
};

function createIndex(
  ms: MiniSearch,
  df: Map<string, number>,
  words: Map<string, number>,
  n: number,
): SearchIndex {
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  let vocabulary: SearchableMap<number> | null = null;
  const idf = (term: string) => {
    const d = df.get(term);
    return d === undefined ? maxIdf : Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const postings = openPostings(ms, { text: 1, section: SECTION_BOOST });
  return {
    search(terms, limit, scale) {
      if (terms.length === 0) return [];
      if (postings)
        return postings.top(
          terms.map((term) => ({ term, weight: idf(term) * (scale?.get(term) ?? 1) })),
          limit,
        );
      const results = ms.search(terms.join(" "), {
        boostTerm: (term: string) => scale?.get(term) ?? 1,
      });
      const hits: PassageHit[] = [];
      for (let i = 0; i < results.length && i < limit; i++) {
        const r = results[i];
        if (r) hits.push({ id: r.id as number, score: r.score });
      }
      return hits;
    },
    idf,
    knows: (term) => df.has(term),
    closestWord(word) {
      if (word.length < 3 || !/^\p{L}+$/u.test(word)) return null;
      // A short English word the seeds lack ("won") is no typo of one they have ("own").
      if (word.length === 3 && generalCount(stem(word)) > 0) return null;
      vocabulary ??= SearchableMap.from(words);
      const maxEdits = word.length <= 6 ? 1 : 2;
      // Swapped neighbours ("japna") are one typo, as in Damerau distance; MiniSearch counts two.
      const found = new Map<string, [number, number]>();
      for (const swap of adjacentSwaps(word)) {
        const count = words.get(swap);
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
    toJSON: () => ({ minisearch: ms.toJSON(), df: [...df], words: [...words], passages: n }),
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
  return createIndex(ms, df, words, corpus.passages.length);
}

/** Rebuilds an index from {@link SearchIndex.toJSON} output; throws if it does not fit. */
export function restoreIndex(snapshot: IndexSnapshot): SearchIndex {
  const ms = MiniSearch.loadJS(snapshot.minisearch, MINISEARCH_OPTIONS);
  return createIndex(ms, new Map(snapshot.df), new Map(snapshot.words), snapshot.passages);
}
