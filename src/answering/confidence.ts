import type { SentenceHit, TermsAround } from "./rank.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { generalIdf } from "../search/general-frequency.ts";
import { relatedStems } from "../search/related-stems.ts";

/** What the answer-or-abstain decision looks at, in this order. */
export const CONFIDENCE_FEATURES = [
  "bias",
  "coverage", // IDF share of the question found around the best sentence (see rank.ts)
  "own", // … in the sentence itself
  "soft", // … met only through a shared 5-letter word start
  "section", // … only in its heading
  "rarest", // the question's rarest word is in the passage or heading
  "unknown", // general-English information share of question words the seeds never use
  "terms", // log of the number of question terms
  "strength", // the passage's BM25 score over the question's IDF
  "general", // coverage weighted by general-English information instead of the seeds' IDF
  "generalOwn", // … in the sentence itself
  "keyMissing", // the most informative question word found nowhere near, over 17.7 (0: none)
  "keysMissing", // how many key words (rare in English) are found nowhere near
  "keysNotOwn", // how many key words are not in the sentence itself (nor a related word)
  "typeMissing", // the question asks for a year, number or name the sentence does not hold
  "subjectMissing", // the thing a "how many X" / "what X" question asks about, or a number it quotes, is not there
] as const;

/** One input of the answer-or-abstain decision. */
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/** Logistic-regression weights of the decision (the confidence model in src/model/). */
export type ConfidenceWeights = Readonly<Record<ConfidenceFeature, number>>;

/** General-English information above which a question word is a key word (rarer than "kind"). */
const KEY_WORD = 9;
/** Most information a word can have (never seen in the frequency list), for scaling to 0–1. */
const MOST_INFORMATION = 17.7;

/** How close to the sentence a term is found: 1 in it, less farther away, 0 nowhere near. */
function placeOf(term: string, around: TermsAround): number {
  if (around.own.has(term)) return 1;
  if (around.section.has(term) && !around.passage.has(term)) return 0.8;
  if (around.near.has(term)) return 0.7;
  if (around.passage.has(term)) return 0.5;
  return 0;
}

/** The place of a term or, failing that, of a related word (a synonym, a derivation). */
function placeOrRelated(term: string, around: TermsAround): number {
  let best = placeOf(term, around);
  if (best === 1) return best;
  for (const r of relatedStems(term)) best = Math.max(best, r.weight * placeOf(r.stem, around));
  return best;
}

/** Whether the sentence itself holds the term or a derivation or synonym of it. */
function inSentence(term: string, around: TermsAround): boolean {
  if (around.own.has(term)) return true;
  return relatedStems(term).some(
    (r) => r.kind !== "broader" && r.kind !== "narrower" && around.own.has(r.stem),
  );
}

/**
 * The decision's inputs for the best sentence of a question (none: only the bias). `scale`
 * weighs a follow-up's borrowed words below its own, as ranking does.
 */
export function confidenceFeatures(
  best: SentenceHit | undefined,
  terms: readonly string[],
  index: SearchIndex,
  scale?: ReadonlyMap<string, number>,
): Record<ConfidenceFeature, number> {
  const f: Record<ConfidenceFeature, number> = {
    bias: 1,
    coverage: 0,
    own: 0,
    soft: 0,
    section: 0,
    rarest: 0,
    unknown: 0,
    terms: 0,
    strength: 0,
    general: 0,
    generalOwn: 0,
    keyMissing: 0,
    keysMissing: 0,
    keysNotOwn: 0,
    typeMissing: 0,
    subjectMissing: 0,
  };
  if (!best) return f;
  let total = 0;
  let unknown = 0;
  let found = 0;
  let own = 0;
  for (const t of terms) {
    const g = generalIdf(t) * (scale?.get(t) ?? 1);
    total += g;
    if (!index.knows(t)) unknown += g;
    const place = placeOrRelated(t, best.around);
    found += g * place;
    if (place === 1) own += g;
    else if (g >= KEY_WORD && !inSentence(t, best.around)) f.keysNotOwn++;
    if (place === 0) {
      f.keyMissing = Math.max(f.keyMissing, g / MOST_INFORMATION);
      if (g >= KEY_WORD) f.keysMissing++;
    }
  }
  f.coverage = best.coverage;
  f.own = best.own;
  f.soft = best.features.soft;
  f.section = best.features.section;
  f.rarest = best.rarestInPassage ? 1 : 0;
  f.unknown = total > 0 ? unknown / total : 0;
  f.terms = Math.log1p(terms.length);
  f.strength = best.passageStrength;
  f.general = total > 0 ? found / total : 0;
  f.generalOwn = total > 0 ? own / total : 0;
  f.typeMissing = best.typeMissing ? 1 : 0;
  f.subjectMissing = Math.min(2, best.subjectMissing);
  return f;
}

/** How sure citebot is that the seeds answer the question, from 0 to 1. */
export function confidenceOf(
  best: SentenceHit | undefined,
  terms: readonly string[],
  index: SearchIndex,
  weights: ConfidenceWeights,
  scale?: ReadonlyMap<string, number>,
): number {
  if (!best) return 0;
  // A follow-up whose own key word the seeds never use is about something else, however well
  // the words it borrowed from the thread match.
  if (scale && terms.some((t) => !scale.has(t) && !index.knows(t) && generalIdf(t) >= KEY_WORD))
    return 0;
  const f = confidenceFeatures(best, terms, index, scale);
  let z = 0;
  for (const name of CONFIDENCE_FEATURES) z += weights[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}
