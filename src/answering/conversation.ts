import type { Answer, ShownExcerpt, Thread, Turn } from "./answer.ts";
import type { Question } from "./question.ts";
import { tokenize } from "../search/tokenize.ts";

/** Weight of a word borrowed from the turn just before, against 1 for the question's own. */
const BORROW_WEIGHT = 0.3;
/** Each turn further back lends its words at this share of the next one's weight. */
const BORROW_DECAY = 0.5;
/** Words of the excerpts a turn showed weigh this share of its question's words. */
const SHOWN_WEIGHT = 0.5;
/** Turns looked back at; older ones are too far to be what "it" means. */
export const MAX_TURNS_BACK = 3;
/** A question with fewer own words than this has no subject of its own. */
const MIN_OWN_TERMS = 2;

// Words that point back at an earlier turn: pronouns, "the second one", "what about …".
const POINTS_BACK =
  /\b(it|its|it's|that|this|these|those|they|them|their|he|him|his|she|her|hers|there|then|one|ones|same|former|latter|else|other|another|back then)\b/;
const OPENS_FOLLOW_UP = /^(and|so|but|also|what about|how about|then|ok|okay|what else)\b/;

/** Whether a question leans on earlier turns: it points back, or it is too short to stand alone. */
export function pointsBack(question: Question): boolean {
  const text = question.text.toLowerCase();
  return (
    question.terms.length < MIN_OWN_TERMS || POINTS_BACK.test(text) || OPENS_FOLLOW_UP.test(text)
  );
}

/**
 * The key words of earlier turns with their weights, most recent turn heaviest: its question's
 * words, then (lighter) those of the first excerpt it showed, where "it" or "she" usually
 * points. Words the question has itself are left out (they weigh 1).
 */
export function borrowedTerms(
  question: Question,
  thread: Thread,
  textOf: (shown: ShownExcerpt) => string,
): Map<string, number> {
  const own = new Set(question.terms);
  const borrowed = new Map<string, number>();
  const lend = (text: string, weight: number) => {
    for (const term of tokenize(text).map((t) => t.term)) {
      if (!own.has(term) && (borrowed.get(term) ?? 0) < weight) borrowed.set(term, weight);
    }
  };
  let weight = BORROW_WEIGHT;
  for (const turn of thread.slice(-MAX_TURNS_BACK).reverse()) {
    lend(turn.question, weight);
    for (const s of turn.shown.slice(0, 1)) lend(textOf(s), weight * SHOWN_WEIGHT);
    weight *= BORROW_DECAY;
  }
  return borrowed;
}

/** A key naming one sentence's place, to recognise an excerpt shown earlier. */
export function shownKey(excerpt: Pick<ShownExcerpt, "doc" | "start">): string {
  return `${excerpt.doc}\u0000${excerpt.start}`;
}

/**
 * The keys of the excerpts earlier turns gave as their answer (the first of each): a follow-up
 * never repeats them. A supporting excerpt ([2], [3]) may come back first when it is what the
 * follow-up asks; leaving those out too lost 13 points on data/natural/conversations-dev.jsonl.
 */
export function answeredKeys(thread: Thread): Set<string> {
  return new Set(thread.flatMap((turn) => turn.shown.slice(0, 1).map(shownKey)));
}

/** The keys of every excerpt shown anywhere in the thread ("more" never repeats any). */
export function shownKeys(thread: Thread): Set<string> {
  return new Set(thread.flatMap((turn) => turn.shown.map(shownKey)));
}

/** The turn an answer adds to its thread (what was asked, what was shown). */
export function toTurn(answer: Answer): Turn {
  if (answer.kind !== "cited") return { question: answer.question, shown: [] };
  return {
    question: answer.question,
    shown: answer.excerpts.map(({ doc, start, end }) => ({ doc, start, end })),
  };
}

/**
 * The thread after `answer`: a new question adds a turn; "more" adds its excerpts to the last
 * turn (so the next "more" goes on from them) and leaves the thread as it was when none came.
 */
export function extendThread(thread: Thread, answer: Answer, wasMore = false): Turn[] {
  if (!wasMore) return [...thread, toTurn(answer)];
  const last = thread.at(-1);
  if (!last || answer.kind !== "cited") return [...thread];
  return [...thread.slice(0, -1), { ...last, shown: [...last.shown, ...toTurn(answer).shown] }];
}
