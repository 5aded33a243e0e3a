import { askedSurname, holdsFirstName } from "./first-name.ts";
import type { Corpus, Passage } from "../ingest/corpus.ts";
import type { Question } from "./question.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { relatedStems } from "../search/related-stems.ts";
import {
  FEATURE_NAMES,
  sentenceFeatures,
  type FeatureName,
  type SentenceFeatures,
} from "./sentence-features.ts";
import { toPassageTerms, toQuestionTerms } from "./sentence-terms.ts";

/** Sentence-ranking parameters (the sentence model in src/model/). */
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
  /** Feature values (for training and diagnosis). */
  features: SentenceFeatures;
  /** Share of the question's term weight found in the sentence itself. */
  own: number;
  /** Share found in the sentence, its passage or its heading, farther words weighing less. */
  coverage: number;
  /** The passage's BM25 score over the question's total IDF: how strongly it matched at all. */
  passageStrength: number;
  /** Whether the question's rarest word occurs in the passage or its heading. */
  rarestInPassage: boolean;
  /** Whether the question asks for a kind of phrase (a year, a number, a name) the sentence lacks. */
  typeMissing: boolean;
  /** How many of the question's subject words (see Question.subject) are not in or next to it. */
  subjectMissing: number;
  /** The terms around the sentence, for judging which question words it lacks. */
  around: TermsAround;
}

/** The terms of a sentence, its neighbours, its passage and its heading. */
export interface TermsAround {
  own: ReadonlySet<string>;
  near: ReadonlySet<string>;
  passage: ReadonlySet<string>;
  section: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** Whether a derivation or synonym of the term is in the set. */
function relatedIn(term: string, set: ReadonlySet<string>): boolean {
  return relatedStems(term).some(
    (r) => (r.kind === "derived" || r.kind === "synonym") && set.has(r.stem),
  );
}

/** Share of a term's weight a derivation or synonym of it carries in the passage search. */
const RELATED_SEARCH_WEIGHT = 0.3;

/**
 * The passage search's terms: the question's, and the derivations and synonyms of each that the
 * seeds use, weighted below it, so a passage that says "proclaimed" for "declared" is found.
 */
function withRelated(
  terms: readonly string[],
  index: SearchIndex,
  scale?: ReadonlyMap<string, number>,
): [string[], Map<string, number>] {
  const all = [...terms];
  const weight = new Map(terms.map((t) => [t, scale?.get(t) ?? 1]));
  for (const t of terms) {
    for (const r of relatedStems(t)) {
      if (r.kind !== "derived" && r.kind !== "synonym") continue;
      if (weight.has(r.stem) || !index.knows(r.stem)) continue;
      all.push(r.stem);
      weight.set(r.stem, RELATED_SEARCH_WEIGHT * r.weight * (weight.get(t) ?? 1));
    }
  }
  return [all, weight];
}

/** The linear score of a sentence's features under the given weights. */
export function scoreOf(features: SentenceFeatures, weights: RankWeights): number {
  let score = 0;
  for (const name of FEATURE_NAMES) score += weights.features[name] * features[name];
  return score;
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
  weights: RankWeights,
  scale?: ReadonlyMap<string, number>,
  within?: readonly number[],
): SentenceHit[] {
  const [searched, weight] = withRelated(terms, index, scale);
  const hits = index.search(searched, weights.passages, weight);
  if (within && within.length > 0) {
    // A thread's documents: their best passages join the ranking even when others outscore them.
    const seen = new Set(hits.map((h) => h.id));
    for (const h of index.searchWithin(searched, within, weights.passages, weight))
      if (!seen.has(h.id)) hits.push(h);
    hits.sort((a, b) => b.score - a.score);
  }
  const top = hits[0]?.score ?? 0;
  if (top <= 0) return [];
  const q = toQuestionTerms(question, terms, index, scale);
  const surname = askedSurname(question.text);
  const out: SentenceHit[] = [];
  hits.forEach((hit, rank) => {
    const passage = corpus.passages[hit.id];
    const doc = passage && corpus.documents[passage.docIndex];
    if (!passage || !doc) return;
    const texts = passage.sentences.map((s) => doc.text.slice(s.start, s.end));
    const p = toPassageTerms(texts, passage.section, rank, hit.score / top);
    const rarestInPassage = p.passageSet.has(q.rarest) || p.sectionSet.has(q.rarest);
    for (let i = 0; i < texts.length; i++) {
      const features = sentenceFeatures(q, p, i);
      const own = p.sets[i] ?? new Set<string>();
      const before = p.sets[i - 1] ?? NONE;
      const after = p.sets[i + 1] ?? NONE;
      out.push({
        passage,
        sentence: i,
        score: scoreOf(features, weights),
        passageStrength: hit.score / q.total,
        rarestInPassage,
        typeMissing:
          (question.type !== "other" && features.typed === 0) ||
          (surname !== null && !holdsFirstName(texts[i] ?? "", surname)),
        subjectMissing: question.subject.filter(
          (t) => !own.has(t) && !before.has(t) && !after.has(t) && !relatedIn(t, own),
        ).length,
        features,
        around: {
          own,
          near: new Set([...before, ...after]),
          passage: p.passageSet,
          section: p.sectionSet,
        },
        own: features.own,
        // Words found farther from the sentence are weaker evidence that the seeds cover the
        // question (weights chosen on the tune half of squad-dev-a).
        coverage: features.own + 0.7 * features.near + 0.5 * features.rest + 0.8 * features.section,
      });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}
