import type { Span } from "./answer.ts";
import { patternSpans } from "./answer-phrase.ts";
import type { AnswerType, QuestionForm } from "./question.ts";
import { normalizeWord, stem } from "../search/tokenize.ts";

/** One word of the sentence a phrase is picked from. */
export interface Word {
  start: number;
  end: number;
  norm: string;
  question: boolean;
  capital: boolean;
}

const WORD = /[$£€]?[\p{L}\p{N}](?:[\p{L}\p{N}'’.,%–-]*[\p{L}\p{N}%])?/gu;

/** The sentence and question as every candidate phrase of it sees them. */
export interface SpanContext {
  text: string;
  words: Word[];
  dates: Span[];
  numbers: Span[];
  /** Indexes of the words that are question words. */
  qIndex: number[];
  type: AnswerType;
  form: QuestionForm;
  focus: string | null;
}

/** Splits a sentence into words and finds its dates, numbers and question words. */
export function toSpanContext(
  text: string,
  type: AnswerType,
  questionTerms: ReadonlySet<string>,
  form: QuestionForm,
  focus: string | null,
): SpanContext {
  const words = [...text.matchAll(WORD)].map((m) => {
    const norm = normalizeWord(m[0].replace(/^[$£€]/, ""));
    return {
      start: m.index,
      end: m.index + m[0].length,
      norm,
      question: questionTerms.has(stem(norm)),
      capital: /^[$£€]?\p{Lu}/u.test(m[0]),
    };
  });
  const qIndex = words.flatMap((w, i) => (w.question ? [i] : []));
  const dates = patternSpans(text, "date");
  const numbers = patternSpans(text, "number");
  return { text, words, dates, numbers, qIndex, type, form, focus };
}
