import type { AnswerPhrase, Excerpt } from "./answer.ts";
import { pickAnswer } from "./answer-span.ts";
import type { Models } from "../model/types.ts";
import type { Question } from "./question.ts";

/** The likely answer phrase inside the first excerpt, with its offsets in the document. */
export function phraseOf(
  first: Excerpt,
  question: Question,
  terms: ReadonlySet<string>,
  models: Models,
): AnswerPhrase | undefined {
  const span = pickAnswer(
    first.text,
    question.type,
    terms,
    question.form,
    question.focus,
    models.phrase,
  );
  if (!span) return undefined;
  return {
    text: first.text.slice(span.start, span.end),
    start: first.start + span.start,
    end: first.start + span.end,
    span,
  };
}
