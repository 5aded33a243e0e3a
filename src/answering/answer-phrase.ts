import type { Span } from "./answer.ts";
import type { AnswerType } from "./question.ts";
import { normalizeWord, stem } from "../search/tokenize.ts";

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const YEAR = "(?:1\\d{3}|20\\d{2}|[1-9]\\d{0,2}\\s?(?:BC|BCE|AD|CE))";
const DATE = new RegExp(
  `\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${YEAR}|\\d{1,2}\\s+${MONTH}\\s+${YEAR}|${MONTH}\\s+${YEAR}|` +
    `(?:the\\s+)?(?:early\\s+|late\\s+|mid-?)?${YEAR}s?(?:\\s?[-–]\\s?\\d{2,4})?|\\d{1,2}(?:st|nd|rd|th)[\\s-]century|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|` +
    // Dates news text gives without a year: "took office in May", "responded Tuesday".
    `(?<=\\b(?:in|since|until|by|from|before|after|early|late|mid|last|next|this)\\s)${MONTH}|${WEEKDAY}|` +
    `(?:last|next|this)\\s+(?:year|month|week|spring|summer|autumn|fall|winter)|` +
    `(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(?:years?|months?|weeks?|days?|decades?)\\s+(?:ago|later|earlier))\\b`,
  "g",
);
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|dozens|hundreds|thousands|millions|half";
const UNIT_STOP =
  "and|or|of|in|into|on|at|to|the|a|an|for|from|with|by|as|per|than|was|were|is|are|be|been|had|has|have|which|that|who|when|while|after|before|during|until|since|each";
const NUMBER = new RegExp(
  `(?:[$£€¥]\\s?)?(?:\\d[\\d,.]*\\d|\\d|\\b(?:${NUMBER_WORDS})\\b)(?:\\s?(?:%|percent|per cent))?` +
    `(?:\\s(?:million|billion|thousand|hundred|trillion))?(?:[\\s-](?!(?:${UNIT_STOP})\\b)[a-z]+)?`,
  "gi",
);
const NAME =
  /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|de|da|del|la|le|von|van|der|the|and|bin|al)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

// An amount without a trailing unit word: "$8 million", "29.7%", "2,249".
const AMOUNT = new RegExp(
  `(?:[$£€¥]\\s?)?\\d(?:[\\d,.]*\\d)?(?:\\s?(?:%|percent|per cent))?(?:\\s(?:million|billion|thousand|hundred|trillion))?`,
  "gi",
);

/** Dates, numbers (with a unit word) or bare amounts in `text`. */
export function patternSpans(text: string, kind: "date" | "number" | "amount"): Span[] {
  return spans(kind === "date" ? DATE : kind === "number" ? NUMBER : AMOUNT, text);
}

function spans(re: RegExp, text: string): Span[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function trimWords(text: string, span: Span, questionTerms: ReadonlySet<string>): Span | null {
  // Drop leading/trailing stop or question words from a candidate: they are not the answer.
  const words = [...text.slice(span.start, span.end).matchAll(/[\p{L}\p{N}$£€%'’.,-]+/gu)];
  const keep = (w: string) => {
    const n = normalizeWord(w.replace(/[.,]+$/, ""));
    return n !== "" && !questionTerms.has(stem(n)) && !LEADING_JUNK.has(n);
  };
  let a = 0;
  let b = words.length - 1;
  while (a <= b && !keep(words[a]?.[0] ?? "")) a++;
  while (b >= a && !keep(words[b]?.[0] ?? "")) b--;
  const first = words[a];
  const last = words[b];
  if (!first || !last) return null;
  const start = span.start + first.index;
  const end = span.start + last.index + last[0].replace(/[.,]+$/, "").length;
  return end > start ? { start, end } : null;
}

/** Words that never begin or end an answer phrase. */
export const LEADING_JUNK = new Set(
  "the a an and or but of to in on at by for with from as is are was were be been it its this that these those which who whom whose when where while his her their they he she we also had has have not".split(
    " ",
  ),
);

/**
 * Candidate answer phrases of a given type inside `text`, question words excluded. Open
 * ("other") questions have no pattern to look for: see answer-span.ts for how they are answered.
 */
export function candidatesOf(
  text: string,
  type: AnswerType,
  questionTerms: ReadonlySet<string>,
): Span[] {
  const raw =
    type === "date"
      ? spans(DATE, text)
      : type === "number"
        ? spans(NUMBER, text)
        : type === "person" || type === "place"
          ? spans(NAME, text)
          : [];
  const out: Span[] = [];
  for (const s of raw) {
    const t = type === "date" || type === "number" ? s : trimWords(text, s, questionTerms);
    if (t && t.end - t.start <= 80) out.push(t);
  }
  return out;
}
