import type { Question } from "./question.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { tokenize, type Token } from "../search/tokenize.ts";
import { relatedStems, type RelatedStem } from "../search/related-stems.ts";

/** What every sentence of one question is compared with, computed once per question. */
export interface QuestionTerms {
  question: Question;
  qset: ReadonlySet<string>;
  idf: ReadonlyMap<string, number>;
  /** Sum of the question terms' IDF (1 when there is none). */
  total: number;
  rarest: string;
  /** Side-by-side question word pairs, "a b". */
  bigrams: ReadonlySet<string>;
  /** Each question term's related stems (derivations, synonyms, broader and narrower words). */
  related: ReadonlyMap<string, readonly RelatedStem[]>;
}

/** Prepares the per-question part of sentence scoring (`scale`: see rankSentences). */
export function toQuestionTerms(
  question: Question,
  terms: readonly string[],
  index: SearchIndex,
  scale?: ReadonlyMap<string, number>,
): QuestionTerms {
  const idf = new Map(terms.map((t) => [t, index.idf(t) * (scale?.get(t) ?? 1)]));
  const total = [...idf.values()].reduce((a, b) => a + b, 0) || 1;
  const rarest = terms.reduce(
    (best, t) => ((idf.get(t) ?? 0) > (idf.get(best) ?? 0) ? t : best),
    terms[0] ?? "",
  );
  const bigrams = new Set<string>();
  const qTerms = question.tokens.map((t) => t.term);
  for (let i = 1; i < qTerms.length; i++) bigrams.add(`${qTerms[i - 1]} ${qTerms[i]}`);
  const related = new Map(terms.map((t) => [t, relatedStems(t)]));
  return { question, qset: new Set(terms), idf, total, rarest, bigrams, related };
}

/** One passage's sentences, tokenised once for all of their features. */
export interface PassageTerms {
  texts: string[];
  tokens: Token[][];
  sets: Set<string>[];
  passageSet: Set<string>;
  sectionSet: Set<string>;
  /** 0-based rank of the passage among the search hits. */
  rank: number;
  /** The passage's BM25 score relative to the best passage. */
  relative: number;
}

/** Tokenises a passage's sentences and heading. */
export function toPassageTerms(
  texts: string[],
  section: string,
  rank: number,
  relative: number,
): PassageTerms {
  const tokens = texts.map((t) => tokenize(t));
  const sets = tokens.map((ts) => new Set(ts.map((t) => t.term)));
  return {
    texts,
    tokens,
    sets,
    passageSet: new Set(sets.flatMap((s) => [...s])),
    sectionSet: new Set(tokenize(section).map((t) => t.term)),
    rank,
    relative,
  };
}
