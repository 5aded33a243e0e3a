import type { Span } from "./answer.ts";
import { LEADING_JUNK, candidatesOf, patternSpans } from "./answer-phrase.ts";
import type { AnswerType, QuestionForm } from "./question.ts";
import {
  SPAN_FEATURES,
  spanFeatures,
  type SpanFeature,
  type SpanFeatures,
} from "./span-features.ts";
import { toSpanContext } from "./span-context.ts";

/** Longest answer phrase considered, in words (SQuAD answers average between two and three). */
const MAX_WORDS = 8;

/** Answer-phrase weights, one per feature (the phrase model in src/model/). */
export type SpanWeights = Readonly<Record<SpanFeature, number>>;

/** A candidate answer phrase with its feature values. */
export interface SpanCandidate {
  span: Span;
  features: SpanFeatures;
}

/**
 * Every phrase of up to MAX_WORDS words that could answer, with its features: phrases holding a
 * question word, or starting or ending with a function word, are left out.
 */
export function spanCandidates(
  text: string,
  type: AnswerType,
  questionTerms: ReadonlySet<string>,
  form: QuestionForm = "other",
  focus: string | null = null,
): SpanCandidate[] {
  const c = toSpanContext(text, type, questionTerms, form, focus);
  const { words } = c;
  const out: SpanCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < Math.min(words.length, i + MAX_WORDS); j++) {
      const first = words[i];
      const last = words[j];
      if (!first || !last || last.question) break;
      if (LEADING_JUNK.has(first.norm) || LEADING_JUNK.has(last.norm)) continue;
      out.push({ span: { start: first.start, end: last.end }, features: spanFeatures(c, i, j) });
    }
  }
  return out;
}

/** The linear score of a phrase's features under the given weights. */
export function spanScoreOf(features: SpanFeatures, weights: SpanWeights): number {
  let score = 0;
  for (const name of SPAN_FEATURES) score += weights[name] * features[name];
  return score;
}

/**
 * The phrase of `text` most likely to be the answer, by the given span weights. A question that
 * asks for a kind of phrase (a date, a number, a name) gets one of that kind or none at all:
 * highlighting "the deal" for "how much did Tokyo pay?" would point at the wrong words.
 */
export function pickAnswer(
  text: string,
  type: AnswerType,
  questionTerms: ReadonlySet<string>,
  form: QuestionForm,
  focus: string | null,
  weights: SpanWeights,
): Span | null {
  let best: Span | null = null;
  let bestScore = -Infinity;
  const typed =
    type === "date" || type === "number" ? candidatesOf(text, type, questionTerms) : null;
  if (typed?.length === 0) return null;
  const ofType = (s: Span) => !typed || typed.some((t) => t.start < s.end && s.start < t.end);
  for (const c of spanCandidates(text, type, questionTerms, form, focus)) {
    if (!ofType(c.span)) continue;
    const score = spanScoreOf(c.features, weights);
    if (score > bestScore) {
      bestScore = score;
      best = c.span;
    }
  }
  if (!best) return null;
  // Never cut an amount or a date in two: "$8" of "$8 million" grows to the whole amount.
  for (const p of [...patternSpans(text, "amount"), ...patternSpans(text, "date")]) {
    if (p.start < best.end && best.start < p.end) {
      best = { start: Math.min(best.start, p.start), end: Math.max(best.end, p.end) };
    }
  }
  return best;
}
