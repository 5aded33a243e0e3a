import type { Excerpt } from "./answer.ts";
import { confidenceOf } from "./confidence.ts";
import type { Corpus } from "../ingest/corpus.ts";
import type { ConfidenceWeights } from "./confidence.ts";
import { toExcerpt } from "./excerpt.ts";
import type { SentenceHit } from "./rank.ts";
import type { SearchIndex } from "../search/search-index.ts";

/** Excerpts after the first must still hold this share of the question (IDF-weighted). */
const MIN_EXTRA_COVERAGE = 0.3;
/**
 * … and hold in themselves this share of what the first holds: a sentence next to the answer
 * borrows its neighbour's words without answering anything.
 */
const EXTRA_OWN_SHARE = 0.6;

/** What choosing excerpts needs besides the hits. */
export interface ChooseOptions {
  corpus: Corpus;
  index: SearchIndex;
  confidence: ConfidenceWeights;
  maxExcerpts: number;
  /** Least confidence an excerpt after the first must have on its own. */
  least: number;
  /** Judge every excerpt as an extra one (for "more", whose first is not the answer). */
  allExtra: boolean;
}

/**
 * Up to maxExcerpts excerpts, best first. After the first (or all, for "more") only sentences
 * that answer too: on topic, and confident enough on their own to have been the answer.
 */
export function chooseExcerpts(
  hits: readonly SentenceHit[],
  terms: readonly string[],
  o: ChooseOptions,
): Excerpt[] {
  const excerpts: Excerpt[] = [];
  const cited = new Set<string>();
  const termSet = new Set(terms);
  const firstOwn = hits[0]?.own ?? 0;
  for (const hit of hits) {
    if (excerpts.length >= o.maxExcerpts) break;
    if (o.allExtra || excerpts.length > 0) {
      if (hit.coverage < MIN_EXTRA_COVERAGE || hit.own < EXTRA_OWN_SHARE * firstOwn) continue;
      if (confidenceOf(hit, terms, o.index, o.confidence) < o.least) continue;
    }
    const key = `${hit.passage.id}:${hit.sentence}`;
    if (cited.has(key)) continue;
    cited.add(key);
    const excerpt = toExcerpt(o.corpus, hit.passage, hit.sentence, termSet, hit.score);
    if (excerpt) excerpts.push(excerpt);
  }
  return excerpts;
}
