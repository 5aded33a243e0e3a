// The candidate lists the perceptron learns from, built through Citebot.analyse and ask: the
// same steps (spelling correction included) that answering takes.
import { FEATURE_NAMES, SPAN_FEATURES, spanCandidates, type Citebot } from "../src/tools.ts";
import type { GoldQuestion } from "./questions.ts";
import { f1Score, holdsAnswer } from "./scoring.ts";
import type { RankList } from "./train-perceptron.ts";
import { holdsEvidence, type NaturalQuestion } from "./natural.ts";

/** Each question's ranked sentences; right = holds a gold answer. Lists all right or all wrong teach nothing. */
export function sentenceLists(bot: Citebot, questions: readonly GoldQuestion[]): RankList[] {
  const lists: RankList[] = [];
  for (const q of questions) {
    const { hits } = bot.analyse(q.question);
    const y = hits.map((h) => {
      const doc = bot.corpus.documents[h.passage.docIndex];
      const s = h.passage.sentences[h.sentence];
      return Boolean(doc && s && holdsAnswer(doc.text.slice(s.start, s.end), q.answers));
    });
    if (y.some(Boolean) && !y.every(Boolean))
      lists.push({
        x: hits.map((h) => FEATURE_NAMES.map((name) => h.features[name])),
        y,
        gain: y.map(Number),
      });
  }
  return lists;
}

/** The same lists for natural questions: right = holds one of the question's evidence strings. */
export function naturalSentenceLists(
  bot: Citebot,
  questions: readonly NaturalQuestion[],
): RankList[] {
  const lists: RankList[] = [];
  for (const q of questions) {
    if (q.offtopic) continue;
    const { hits } = bot.analyse(q.question);
    const y = hits.map((h) => {
      const doc = bot.corpus.documents[h.passage.docIndex];
      const s = h.passage.sentences[h.sentence];
      return Boolean(doc && s && holdsEvidence(doc.text.slice(s.start, s.end), q.evidence));
    });
    if (y.some(Boolean) && !y.every(Boolean))
      lists.push({
        x: hits.map((h) => FEATURE_NAMES.map((name) => h.features[name])),
        y,
        gain: y.map(Number),
      });
  }
  return lists;
}

/** The phrases of each right first excerpt; right = the best F1 against the gold answers. */
export function phraseLists(bot: Citebot, questions: readonly GoldQuestion[]): RankList[] {
  const lists: RankList[] = [];
  for (const q of questions) {
    const a = bot.ask(q.question);
    const first = a.kind === "cited" ? a.excerpts[0] : undefined;
    if (!first || !holdsAnswer(first.text, q.answers)) continue;
    const { question, terms } = bot.analyse(q.question);
    const candidates = spanCandidates(
      first.text,
      question.type,
      new Set(terms),
      question.form,
      question.focus,
    );
    const f1 = candidates.map((c) =>
      f1Score(first.text.slice(c.span.start, c.span.end), q.answers),
    );
    const best = Math.max(0, ...f1);
    if (best > 0)
      lists.push({
        x: candidates.map((c) => SPAN_FEATURES.map((name) => c.features[name])),
        y: f1.map((f) => f === best),
        gain: f1,
      });
  }
  return lists;
}
