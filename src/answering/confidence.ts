import { CONFIDENCE_WEIGHTS } from "../model/learned-weights.ts";
import { FEATURE_NAMES, type SentenceHit } from "./rank.ts";
import type { SearchIndex } from "../search/search-index.ts";

/** What the answer-or-abstain decision looks at, in this order. */
export const CONFIDENCE_FEATURES = [
  "bias",
  "coverage", // IDF share of the question found around the best sentence (see rank.ts)
  "own", // … in the sentence itself
  "soft", // … met only through a shared 5-letter word start
  "section", // … only in its heading
  "rarest", // the question's rarest word is in the passage or heading
  "unknown", // IDF share of question words the seeds never use
  "terms", // log of the number of question terms
  "strength", // the passage's BM25 score over the question's IDF
] as const;

const SOFT = FEATURE_NAMES.indexOf("soft");
const SECTION = FEATURE_NAMES.indexOf("section");

/** The decision's inputs for the best sentence of a question. */
export function confidenceFeatures(
  best: SentenceHit,
  terms: readonly string[],
  index: SearchIndex,
): number[] {
  let total = 0;
  let unknown = 0;
  for (const t of terms) {
    const idf = index.idf(t);
    total += idf;
    if (!index.knows(t)) unknown += idf;
  }
  return [
    1,
    best.coverage,
    best.own,
    best.features[SOFT] ?? 0,
    best.features[SECTION] ?? 0,
    best.rarestInPassage ? 1 : 0,
    total > 0 ? unknown / total : 0,
    Math.log1p(terms.length),
    best.passageStrength,
  ];
}

/** How sure citebot is that the seeds answer the question, from 0 to 1. */
export function confidenceOf(
  best: SentenceHit | undefined,
  terms: readonly string[],
  index: SearchIndex,
): number {
  if (!best) return 0;
  const f = confidenceFeatures(best, terms, index);
  let z = 0;
  CONFIDENCE_FEATURES.forEach((name, i) => (z += CONFIDENCE_WEIGHTS[name] * (f[i] ?? 0)));
  return 1 / (1 + Math.exp(-z));
}
