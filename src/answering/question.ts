import { isStopWord, stem, tokenize, type Token } from "../search/tokenize.ts";

/** The kind of phrase a question asks for, used to prefer sentences that hold one. */
export type AnswerType = "date" | "number" | "person" | "place" | "other";

/** Whether the question word stands for the answer sentence's subject or an object. */
export type QuestionForm = "subject" | "object" | "other";

/** Longest question citebot reads; longer input is cut here (documented in the README). */
export const MAX_QUESTION_LENGTH = 1000;
/** Most distinct terms a question contributes to a search. */
const MAX_TERMS = 32;

/** A question as ranking sees it. */
export interface Question {
  text: string;
  tokens: Token[];
  /** Distinct stemmed terms, in first-seen order. */
  terms: string[];
  type: AnswerType;
  /** Whether the question word is the sentence's subject or an object (see questionFormOf). */
  form: QuestionForm;
  /** The stemmed noun right after "what"/"which" ("What color…" → "color"), if any. */
  focus: string | null;
  /** Whether the question asks for a reason ("why …", "how come …", "what was the reason …"). */
  asksWhy: boolean;
  /**
   * The stemmed words the answer must be about: the noun a "what X" / "how many X" question
   * counts or names ("how many tickets" → "ticket"), and any number it quotes ("60-second").
   */
  subject: string[];
}

const TYPE_PATTERNS: readonly [AnswerType, RegExp][] = [
  [
    "date",
    /\b(what|which) (year|decade|century|date|day|month|time|period|era)\b|\bwhen\b|\bhow long ago\b/g,
  ],
  [
    "number",
    /\bhow (many|much|long|old|far|big|large|tall|high|often|fast|heavy|deep|wide)\b|\bwhat (percentage|percent|number|amount|proportion|fraction|size|population|temperature)\b/g,
  ],
  [
    "person",
    /\bwho(m|se)?\b|\b(what|which) (person|people|man|woman|group|company|organi[sz]ation|team|king|president|leader)\b/g,
  ],
  [
    "place",
    /\bwhere\b|\b(what|which|in what|in which) (city|country|state|place|region|continent|town|area|location|county|river|island)\b/g,
  ],
];

/**
 * Guesses what kind of phrase answers the question from its wording. The earliest question
 * phrase wins: in "Where was the meeting held when …" the question is "where", not "when".
 */
export function answerTypeOf(text: string): AnswerType {
  const q = text.toLowerCase();
  let best: AnswerType = "other";
  let at = Infinity;
  for (const [type, re] of TYPE_PATTERNS) {
    for (const m of q.matchAll(re)) {
      if (m.index < at) {
        at = m.index;
        best = type;
      }
      break;
    }
  }
  return best;
}

/**
 * Whether the question word stands for the subject ("Who headlined the show?": the answer comes
 * before the matched words in the sentence) or an object ("What did Matlin translate?": after).
 */
export function questionFormOf(text: string): QuestionForm {
  const m = /^(?:\W*)(?:what|which|who|whom|whose)(?:\s+\w+)?\s+(\w+)/i.exec(text);
  if (!m) return "other";
  const next = (m[1] ?? "").toLowerCase();
  return /^(did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|might|must)$/.test(
    next,
  )
    ? "object"
    : "subject";
}

/** The noun a "what X", "which X", "how many X" or "how much X" question asks about, and its numbers. */
export function subjectOf(text: string): string[] {
  const out: string[] = [];
  const m = /\b(?:what|which|how many|how much)\s+([a-z]+)/i.exec(withoutFrame(text));
  const word = m?.[1]?.toLowerCase();
  if (word && !isStopWord(word)) out.push(stem(word));
  for (const n of text.matchAll(/\b\d[\d,.]*\b/g)) out.push(n[0].replace(/[,.]+$/, ""));
  return [...new Set(out)];
}

/** The word a "what X"/"which X" question asks about, stemmed; null for other questions. */
export function focusOf(text: string): string | null {
  const m = /\b(?:what|which)\s+([a-z]+)/i.exec(text);
  const word = m?.[1]?.toLowerCase();
  if (!word || isStopWord(word)) return null;
  return stem(word);
}

// The frame of a chat question: words that say how it is asked, not what about ("is it true
// that", "tell me about", "what kind of"). They are not searched for, so a document that lacks
// them is not judged to miss part of the question.
const FRAME = new RegExp(
  [
    "\\b(?:hey|hi|hello|yo|okay|um|btw)\\b[,!]?",
    "\\bquick (?:q|question)\\b:?",
    "\\b(?:is|was) it true that\\b",
    "\\b(?:can|could|would) you (?:please )?(?:tell|remind) me\\b(?: about)?",
    "\\b(?:please )?tell me\\b(?: about)?",
    "\\b(?:do|does) (?:you|anyone) know\\b",
    "\\bi (?:want|need|would like|'d like|wanna) to know\\b",
    "\\bi (?:was )?wonder(?:ing)?\\b",
    "\\bany ?(?:idea|clue)\\b",
    "\\b(?:what|which) (?:kind|kinds|sort|sorts|type|types) of\\b",
    "\\bplease\\b",
  ].join("|"),
  "gi",
);

/** The question without its chat frame (see FRAME), for finding its key words. */
export function withoutFrame(text: string): string {
  return text.replace(FRAME, (m) => (/^(what|which)/i.test(m) ? (m.split(/\s/)[0] ?? "") : " "));
}

const ASKS_WHY =
  /\bwhy\b|\bhow come\b|\b(?:what|which) (?:was|were|is|are) the (?:reasons?|cause|motive)\b|\bfor what reason\b/i;

/** Cleans, trims and analyses a question. */
export function parseQuestion(raw: string): Question {
  // Cut first: cleaning a 4 MB message only to keep its first 1,000 characters costs seconds.
  const text = clean(raw.slice(0, MAX_QUESTION_LENGTH)).trim();
  const tokens = tokenize(withoutFrame(text));
  const terms = [...new Set(tokens.map((t) => t.term))].slice(0, MAX_TERMS);
  return {
    text,
    tokens,
    terms,
    type: answerTypeOf(text),
    form: questionFormOf(text),
    focus: focusOf(text),
    asksWhy: ASKS_WHY.test(text),
    subject: subjectOf(text),
  };
}

// Control, zero-width and direction-override characters: invisible, and used to spoof text.
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes control, zero-width and direction-override characters and lone surrogates. */
export function clean(raw: string): string {
  return raw.replace(INVISIBLE, " ").replace(LONE_SURROGATE, "").replace(/\s+/g, " ").trim();
}
