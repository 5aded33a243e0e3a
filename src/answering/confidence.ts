import type { SentenceHit } from "./rank.ts";
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

/** One input of the answer-or-abstain decision. */
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/** Logistic-regression weights of the decision (the confidence model in src/model/). */
export type ConfidenceWeights = Readonly<Record<ConfidenceFeature, number>>;

/** The decision's inputs for the best sentence of a question (none: only the bias). */
export function confidenceFeatures(
  best: SentenceHit | undefined,
  terms: readonly string[],
  index: SearchIndex,
): Record<ConfidenceFeature, number> {
  if (!best) {
    return {
      bias: 1,
      coverage: 0,
      own: 0,
      soft: 0,
      section: 0,
      rarest: 0,
      unknown: 0,
      terms: 0,
      strength: 0,
    };
  }
  let total = 0;
  let unknown = 0;
  for (const t of terms) {
    const idf = index.idf(t);
    total += idf;
    if (!index.knows(t)) unknown += idf;
  }
  return {
    bias: 1,
    coverage: best.coverage,
    own: best.own,
    soft: best.features.soft,
    section: best.features.section,
    rarest: best.rarestInPassage ? 1 : 0,
    unknown: total > 0 ? unknown / total : 0,
    terms: Math.log1p(terms.length),
    strength: best.passageStrength,
  };
}

/** How sure citebot is that the seeds answer the question, from 0 to 1. */
export function confidenceOf(
  best: SentenceHit | undefined,
  terms: readonly string[],
  index: SearchIndex,
  weights: ConfidenceWeights,
): number {
  if (!best) return 0;
  const f = confidenceFeatures(best, terms, index);
  let z = 0;
  for (const name of CONFIDENCE_FEATURES) z += weights[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}
