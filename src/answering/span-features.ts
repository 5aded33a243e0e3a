import type { Span } from "./answer.ts";
import { LEADING_JUNK } from "./answer-phrase.ts";
import type { AnswerType } from "./question.ts";
import { stem } from "../search/tokenize.ts";
import type { SpanContext, Word } from "./span-context.ts";

const TYPES = ["date", "number", "person", "place", "other"] as const satisfies AnswerType[];
// Features that count only for the question's answer type ("person:capitalised").
const TYPED_NAMES = ["capitalised", "digit", "date", "number", "len1"] as const;
type TypedName = (typeof TYPED_NAMES)[number];
type TypedFeature = `${AnswerType}:${TypedName}`;
const COPULA = new Set("is was are were called named as be became become".split(" "));

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
  ...TYPES.flatMap((t) => TYPED_NAMES.map((k): TypedFeature => `${t}:${k}`)),
] as const;

/** One answer-phrase feature. */
export type SpanFeature = (typeof SPAN_FEATURES)[number];

/** A complete set of phrase feature values: a missing one is a compile error. */
export type SpanFeatures = Record<SpanFeature, number>;

const bit = (b: boolean) => (b ? 1 : 0);

/** Where words i..j stand relative to the question's words. */
function placement(c: SpanContext, i: number, j: number) {
  const { qIndex } = c;
  let distance = Infinity;
  for (const q of qIndex) distance = Math.min(distance, q < i ? i - q - 1 : q - j - 1);
  const firstQ = qIndex[0];
  const lastQ = qIndex.at(-1);
  const beforeFirst = firstQ !== undefined && firstQ > j && firstQ - j <= 2;
  const afterLast = lastQ !== undefined && i > lastQ && i - lastQ <= 2;
  return {
    adjacent: bit(distance === 0),
    near: Number.isFinite(distance) ? 1 / (1 + distance) : 0,
    after: bit(qIndex.some((q) => q < i && i - q <= 2)),
    before: bit(qIndex.some((q) => q > j && q - j <= 2)),
    window: qIndex.filter((q) => q >= i - 3 && q <= j + 3).length / 3,
    beforeFirst: bit(beforeFirst),
    afterLast: bit(afterLast),
    "subject:beforeFirst": bit(c.form === "subject" && beforeFirst),
    "object:afterLast": bit(c.form === "object" && afterLast),
    focusNear: bit(
      c.focus !== null &&
        c.words
          .slice(Math.max(0, i - 3), j + 4)
          .some((w) => w.question && stem(w.norm) === c.focus),
    ),
  };
}

/** Whether words i..j start and end where a phrase naturally does. */
function boundaries(c: SpanContext, i: number, j: number) {
  const first = c.words[i] as Word;
  const last = c.words[j] as Word;
  const before = c.text.slice(Math.max(0, first.start - 2), first.start);
  const prev = c.words[i - 1];
  return {
    sentenceStart: bit(i === 0),
    startsAtBoundary: bit(i === 0 || /[,;:()"“”]\s*$/.test(before) || Boolean(prev?.question)),
    endsAtBoundary: bit(
      j === c.words.length - 1 ||
        /^\s*[,;:.!?()"“”]/.test(c.text.slice(last.end, last.end + 2)) ||
        Boolean(c.words[j + 1]?.question),
    ),
    parenthesis: bit(c.text[first.start - 1] === "("),
    afterCopula: bit(prev !== undefined && COPULA.has(prev.norm)),
    commaAfter: bit(c.text[last.end] === ","),
    crossesParenthesis: bit(/[()]/.test(c.text.slice(first.start, last.end))),
  };
}

/** The values of the features that only count for the question's answer type. */
function typed(type: AnswerType, v: Record<TypedName, number>): Record<TypedFeature, number> {
  const out = {} as Record<TypedFeature, number>;
  for (const t of TYPES) for (const k of TYPED_NAMES) out[`${t}:${k}`] = t === type ? v[k] : 0;
  return out;
}

/** The feature values of the phrase made of words i..j. */
export function spanFeatures(c: SpanContext, i: number, j: number): SpanFeatures {
  const ws = c.words.slice(i, j + 1);
  const first = ws[0] as Word;
  const last = ws[ws.length - 1] as Word;
  const span = { start: first.start, end: last.end };
  const inside = (list: Span[]) => list.some((p) => p.start <= span.start && span.end <= p.end);
  const n = ws.length;
  const capitalised =
    ws.every((w) => w.capital || LEADING_JUNK.has(w.norm)) && !(i === 0 && n === 1);
  const digit = ws.some((w) => /\d/.test(w.norm));
  const date = inside(c.dates);
  const number = inside(c.numbers);
  return {
    bias: 1,
    len1: bit(n === 1),
    len2: bit(n === 2),
    len3: bit(n === 3),
    len4: bit(n === 4),
    len5: bit(n === 5),
    len6: bit(n >= 6),
    capitalised: bit(capitalised),
    someCapital: bit(ws.some((w) => w.capital)),
    lowercase: bit(ws.every((w) => !w.capital)),
    digit: bit(digit),
    date: bit(date),
    number: bit(number),
    short: bit(last.end - first.start <= 2),
    crossesComma: bit(c.text.slice(first.start, last.end).includes(",") && !number),
    wordLength: ws.reduce((a, w) => a + w.norm.length, 0) / n / 8,
    ...placement(c, i, j),
    ...boundaries(c, i, j),
    ...typed(c.type, {
      capitalised: bit(capitalised),
      digit: bit(digit),
      date: bit(date),
      number: bit(number),
      len1: bit(n === 1),
    }),
  };
}
