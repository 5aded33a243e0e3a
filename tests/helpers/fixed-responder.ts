// A responder with known answers and picks, for the Slack conversation tests: which sentence an
// answer quotes, and what each call was given, are known in advance.
import type { Answer, AskOptions, Responder, Thread } from "../../src/tools.ts";
import { plainExcerpt } from "./plain-excerpt.ts";

/** A sentence of the fixed responder's one document. */
const sentence = (text: string, start: number) => plainExcerpt(text, start, "policy.md", "Policy");

/** The fixed responder's sentences: `ask` quotes the first, "More" the others in order. */
export const SENTENCES = [
  sentence("Refunds are paid within 14 days.", 0),
  sentence("Parcels ship from Rotterdam every weekday.", 40),
  sentence("Returns are free for members.", 90),
] as const;

/** One call the fixed responder received. */
export interface Call {
  kind: "ask" | "more";
  question: string;
  thread: Thread;
  minConfidence?: number;
}

/**
 * A responder with known answers: a question is answered with SENTENCES[0] (or `answerWith`'s
 * pick) at confidence 0.9 when it says "sure", 0.6 otherwise, and not found below the asked
 * least confidence; "More" gives the next sentence not shown in the thread, then `no_more`.
 */
export function fixedResponder(): Responder & { calls: Call[]; pick: number } {
  const calls: Call[] = [];
  const shownIn = (thread: Thread) => new Set(thread.flatMap((t) => t.shown.map((s) => s.start)));
  const self = {
    calls,
    pick: 0,
    documents: () => [{ doc: "policy.md", title: "Policy", passages: 3 }],
    ask(question: string, options: AskOptions = {}): Answer {
      const { thread = [], minConfidence } = options;
      calls.push({ kind: "ask", question, thread, ...(minConfidence ? { minConfidence } : {}) });
      const confidence = question.includes("sure") ? 0.9 : 0.6;
      if (confidence < (minConfidence ?? 0.55))
        return { kind: "not_found", question, suggestions: { titles: [] }, confidence };
      const first = SENTENCES[self.pick] ?? SENTENCES[0];
      return { kind: "cited", question, excerpts: [first], confidence };
    },
    more(thread: Thread): Answer {
      const question = thread.at(-1)?.question ?? "";
      calls.push({ kind: "more", question, thread });
      const next = SENTENCES.find((s) => !shownIn(thread).has(s.start));
      return next ? { kind: "cited", question, excerpts: [next] } : { kind: "no_more", question };
    },
  };
  return self;
}
