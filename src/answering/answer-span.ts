import type { Span } from "./answer.ts";
import { LEADING_JUNK, patternSpans } from "./answer-phrase.ts";
import type { AnswerType } from "./question.ts";
import { DEFAULT_SPAN_WEIGHTS } from "../model/learned-weights.ts";
import { normalizeWord, stem } from "../search/tokenize.ts";

/** Longest answer phrase considered, in words (SQuAD answers average between two and three). */
const MAX_WORDS = 8;
const TYPES: readonly AnswerType[] = ["date", "number", "person", "place", "other"];
const COPULA = new Set([
  "is",
  "was",
  "are",
  "were",
  "called",
  "named",
  "as",
  "be",
  "became",
  "become",
]);

/** What a candidate phrase is judged on; one learned weight each (`npm run train -- --target phrase`). */
export const SPAN_FEATURES = [
  "bias",
  "len1",
  "len2",
  "len3",
  "len4",
  "len5",
  "capitalised",
  "someCapital",
  "digit",
  "date",
  "number",
  "adjacent", // right next to a question word
  "near", // 1 / (1 + words to the nearest question word)
  "after", // a question word within the two words before
  "before", // a question word within the two words after
  "sentenceStart",
  "parenthesis",
  "afterCopula",
  "commaAfter",
  "window", // question words within three words either side
  "beforeFirst", // ends right before the sentence's first question word
  "afterLast", // starts right after its last question word
  "short", // two characters or fewer ("L", "T"): rarely an answer
  "len6", // six words or more
  "endsAtBoundary", // followed by punctuation, the sentence's end or a question word
  "startsAtBoundary", // preceded by punctuation, the sentence's start or a question word
  "crossesComma",
  "focusNear", // the word a "what X" question asks about is within three words
  "crossesParenthesis",
  "wordLength", // mean word length / 8
  "lowercase", // no capital letter at all
  "subject:beforeFirst",
  "object:afterLast",
  ...TYPES.flatMap((t) => [
    `${t}:capitalised`,
    `${t}:digit`,
    `${t}:date`,
    `${t}:number`,
    `${t}:len1`,
  ]),
] as const;

/** One answer-phrase feature. */
export type SpanFeature = (typeof SPAN_FEATURES)[number];

interface Word {
  start: number;
  end: number;
  norm: string;
  question: boolean;
  capital: boolean;
}

const WORD = /[$£€]?[\p{L}\p{N}](?:[\p{L}\p{N}'’.,%–-]*[\p{L}\p{N}%])?/gu;

function wordsOf(text: string, questionTerms: ReadonlySet<string>): Word[] {
  return [...text.matchAll(WORD)].map((m) => {
    const norm = normalizeWord(m[0].replace(/^[$£€]/, ""));
    return {
      start: m.index,
      end: m.index + m[0].length,
      norm,
      question: questionTerms.has(stem(norm)),
      capital: /^[$£€]?\p{Lu}/u.test(m[0]),
    };
  });
}

/** A candidate answer phrase with its feature values (SPAN_FEATURES order). */
export interface SpanCandidate {
  span: Span;
  features: number[];
}

/** Every phrase of up to six words that could answer, with its features. */
export function spanCandidates(
  text: string,
  type: AnswerType,
  questionTerms: ReadonlySet<string>,
  form: "subject" | "object" | "other" = "other",
  focus: string | null = null,
): SpanCandidate[] {
  const words = wordsOf(text, questionTerms);
  const dates = patternSpans(text, "date");
  const numbers = patternSpans(text, "number");
  const inside = (list: Span[], s: Span) => list.some((p) => p.start <= s.start && s.end <= p.end);
  const qIndex = words.flatMap((w, i) => (w.question ? [i] : []));
  const out: SpanCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < Math.min(words.length, i + MAX_WORDS); j++) {
      const ws = words.slice(i, j + 1);
      if (ws.some((w) => w.question)) break;
      const first = ws[0] as Word;
      const last = ws[ws.length - 1] as Word;
      if (LEADING_JUNK.has(first.norm) || LEADING_JUNK.has(last.norm)) continue;
      const span = { start: first.start, end: last.end };
      let distance = Infinity;
      for (const q of qIndex) distance = Math.min(distance, q < i ? i - q - 1 : q - j - 1);
      const n = ws.length;
      const capitalised =
        ws.every((w) => w.capital || LEADING_JUNK.has(w.norm)) && !(i === 0 && n === 1);
      const digit = ws.some((w) => /\d/.test(w.norm));
      const date = inside(dates, span);
      const number = inside(numbers, span);
      const prev = words[i - 1];
      const startsAtBoundary =
        i === 0 ||
        /[,;:()"“”]\s*$/.test(text.slice(Math.max(0, first.start - 2), first.start)) ||
        Boolean(prev?.question);
      const endsAtBoundary =
        j === words.length - 1 ||
        /^\s*[,;:.!?()"“”]/.test(text.slice(last.end, last.end + 2)) ||
        Boolean(words[j + 1]?.question);
      const focusNear =
        focus !== null &&
        words.slice(Math.max(0, i - 3), j + 4).some((w) => w.question && stem(w.norm) === focus);
      const values: Record<string, number> = {
        focusNear: focusNear ? 1 : 0,
        bias: 1,
        len1: n === 1 ? 1 : 0,
        len2: n === 2 ? 1 : 0,
        len3: n === 3 ? 1 : 0,
        len4: n === 4 ? 1 : 0,
        len5: n === 5 ? 1 : 0,
        capitalised: capitalised ? 1 : 0,
        someCapital: ws.some((w) => w.capital) ? 1 : 0,
        digit: digit ? 1 : 0,
        date: date ? 1 : 0,
        number: number ? 1 : 0,
        adjacent: distance === 0 ? 1 : 0,
        near: Number.isFinite(distance) ? 1 / (1 + distance) : 0,
        after: qIndex.some((q) => q < i && i - q <= 2) ? 1 : 0,
        before: qIndex.some((q) => q > j && q - j <= 2) ? 1 : 0,
        sentenceStart: i === 0 ? 1 : 0,
        parenthesis: text[first.start - 1] === "(" ? 1 : 0,
        afterCopula: prev && COPULA.has(prev.norm) ? 1 : 0,
        commaAfter: text[last.end] === "," ? 1 : 0,
        window: qIndex.filter((q) => q >= i - 3 && q <= j + 3).length / 3,
        short: last.end - first.start <= 2 ? 1 : 0,
        len6: n >= 6 ? 1 : 0,
        crossesComma: text.slice(first.start, last.end).includes(",") && !number ? 1 : 0,
        crossesParenthesis: /[()]/.test(text.slice(first.start, last.end)) ? 1 : 0,
        endsAtBoundary: endsAtBoundary ? 1 : 0,
        startsAtBoundary: startsAtBoundary ? 1 : 0,
        wordLength: ws.reduce((a, w) => a + w.norm.length, 0) / n / 8,
        lowercase: ws.every((w) => !w.capital) ? 1 : 0,
        beforeFirst: qIndex[0] !== undefined && qIndex[0] - j <= 2 && qIndex[0] > j ? 1 : 0,
        afterLast:
          qIndex.length > 0 && i > (qIndex.at(-1) ?? 0) && i - (qIndex.at(-1) ?? 0) <= 2 ? 1 : 0,
        "subject:beforeFirst":
          form === "subject" && qIndex[0] !== undefined && qIndex[0] > j && qIndex[0] - j <= 2
            ? 1
            : 0,
        "object:afterLast":
          form === "object" &&
          qIndex.length > 0 &&
          i > (qIndex.at(-1) ?? 0) &&
          i - (qIndex.at(-1) ?? 0) <= 2
            ? 1
            : 0,
        [`${type}:capitalised`]: capitalised ? 1 : 0,
        [`${type}:digit`]: digit ? 1 : 0,
        [`${type}:date`]: date ? 1 : 0,
        [`${type}:number`]: number ? 1 : 0,
        [`${type}:len1`]: n === 1 ? 1 : 0,
        [`${type}:len4`]: n >= 4 ? 1 : 0,
        [`${type}:endsAtBoundary`]: endsAtBoundary ? 1 : 0,
        [`${type}:len2`]: n === 2 ? 1 : 0,
        [`${type}:startsAtBoundary`]: startsAtBoundary ? 1 : 0,
        [`${type}:near`]: Number.isFinite(distance) ? 1 / (1 + distance) : 0,
      };
      out.push({ span, features: SPAN_FEATURES.map((f) => values[f] ?? 0) });
    }
  }
  return out;
}

/** The phrase of `text` most likely to be the answer, by the learned span weights. */
export function pickAnswer(
  text: string,
  type: AnswerType,
  questionTerms: ReadonlySet<string>,
  form: "subject" | "object" | "other" = "other",
  focus: string | null = null,
  weights: Readonly<Partial<Record<SpanFeature, number>>> = DEFAULT_SPAN_WEIGHTS,
): Span | null {
  const w = SPAN_FEATURES.map((f) => weights[f] ?? 0);
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (const c of spanCandidates(text, type, questionTerms, form, focus)) {
    let score = 0;
    for (let k = 0; k < w.length; k++) score += (w[k] ?? 0) * (c.features[k] ?? 0);
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
