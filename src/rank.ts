import { candidatesOf } from "./answer-phrase.ts";
import type { Corpus, Passage } from "./corpus.ts";
import type { Question } from "./question.ts";
import type { SearchIndex } from "./search-index.ts";
import { tokenize } from "./tokenize.ts";

/** Weights of the sentence score; chosen on one half of squad-dev-a, checked on the other. */
export interface RankWeights {
  /** Passages taken from MiniSearch before sentences are scored. */
  passages: number;
  /** Question terms found in the neighbouring sentences (questions borrow their words). */
  neighbours: number;
  /** Question terms found elsewhere in the passage. */
  passage: number;
  /** Question terms found only in the section heading or title. */
  section: number;
  /** The passage's MiniSearch score relative to the best passage. */
  passageScore: number;
  /** Each pair of question terms that appears side by side in the sentence. */
  bigram: number;
  /** The sentence holds a phrase of the kind the question asks for (a year for "when"…). */
  answerType: number;
}

/** The weights in use unless a caller passes others. */
export const DEFAULT_WEIGHTS: RankWeights = {
  passages: 12,
  neighbours: 0.3,
  passage: 0,
  section: 0.9,
  passageScore: 0.3,
  bigram: 0.04,
  answerType: 0.15,
};

/** A scored sentence candidate. */
export interface SentenceHit {
  passage: Passage;
  /** Index into `passage.sentences`. */
  sentence: number;
  score: number;
  /** Share of the question's term weight found in the sentence itself. */
  own: number;
  /** Share found in the sentence, its passage or its heading, farther words weighing less. */
  coverage: number;
  /** Shares found only in the neighbours, the rest of the passage, the heading. */
  near: number;
  rest: number;
  section: number;
}

/** Scores the sentences of the best passages for a question; best first. */
export function rankSentences(
  question: Question,
  terms: readonly string[],
  index: SearchIndex,
  corpus: Corpus,
  weights: RankWeights = DEFAULT_WEIGHTS,
): SentenceHit[] {
  const hits = index.search(terms, weights.passages);
  const top = hits[0]?.score ?? 0;
  if (top <= 0) return [];
  const qset = new Set(terms);
  const idf = new Map(terms.map((t) => [t, index.idf(t)]));
  const total = [...idf.values()].reduce((a, b) => a + b, 0);
  const bigrams = new Set<string>();
  const qTerms = question.tokens.map((t) => t.term);
  for (let i = 1; i < qTerms.length; i++) bigrams.add(`${qTerms[i - 1]} ${qTerms[i]}`);
  const weigh = (set: ReadonlySet<string>, exclude: ReadonlySet<string>[] = []) => {
    let sum = 0;
    for (const t of set) if (qset.has(t) && !exclude.some((e) => e.has(t))) sum += idf.get(t) ?? 0;
    return sum;
  };
  const out: SentenceHit[] = [];
  for (const hit of hits) {
    const passage = corpus.passages[hit.id];
    const doc = passage && corpus.documents[passage.docIndex];
    if (!passage || !doc) continue;
    const sentenceTokens = passage.sentences.map((s) => tokenize(doc.text.slice(s.start, s.end)));
    const sets = sentenceTokens.map((ts) => new Set(ts.map((t) => t.term)));
    const passageSet = new Set(sets.flatMap((s) => [...s]));
    const sectionSet = new Set(tokenize(passage.section).map((t) => t.term));
    const passageShare = hit.score / top;
    sets.forEach((set, i) => {
      const near = new Set([...(sets[i - 1] ?? []), ...(sets[i + 1] ?? [])]);
      const own = weigh(set);
      const neighbours = weigh(near, [set]);
      const rest = weigh(passageSet, [set, near]);
      const section = weigh(sectionSet, [passageSet]);
      const tokens = sentenceTokens[i] ?? [];
      let pairs = 0;
      for (let k = 1; k < tokens.length; k++)
        if (bigrams.has(`${tokens[k - 1]?.term} ${tokens[k]?.term}`)) pairs++;
      const span = passage.sentences[i];
      const typed =
        question.type !== "other" && span
          ? candidatesOf(doc.text.slice(span.start, span.end), question.type, qset).length > 0
          : false;
      const score =
        (own +
          weights.neighbours * neighbours +
          weights.passage * rest +
          weights.section * section) /
          total +
        weights.passageScore * passageShare +
        weights.bigram * pairs +
        (typed ? weights.answerType : 0);
      out.push({
        passage,
        sentence: i,
        score,
        own: own / total,
        // Words found farther from the sentence are weaker evidence that the seeds cover the
        // question (weights chosen on the tune half of squad-dev-a).
        coverage: (own + 0.7 * neighbours + 0.5 * rest + 0.8 * section) / total,
        near: neighbours / total,
        rest: rest / total,
        section: section / total,
      });
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
