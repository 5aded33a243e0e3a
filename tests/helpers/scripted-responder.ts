import type { Answer, AskOptions, Excerpt, Responder, Thread } from "../../src/index.ts";
import { plainExcerpt } from "./plain-excerpt.ts";

/** What the scripted responder was asked: the question, earlier turns' questions, the floor. */
export interface Asked {
  question: string;
  turns: string[];
  minConfidence: number | undefined;
}

const SENTENCES = [
  "Run npm install to install the dependencies.",
  "Start the bot with npm run discord.",
  "The rate limit is five questions a minute per user.",
];

function excerpt(i: number): Excerpt {
  const text = SENTENCES[i] ?? "";
  const start = SENTENCES.slice(0, i).join(" ").length + (i > 0 ? 1 : 0);
  return plainExcerpt(text, start, "guide.md", "Guide");
}

/**
 * A responder with fixed behaviour, so adapter tests never depend on the learned models: a
 * question containing "sure" is answered with confidence 0.9, any other with 0.5 (below the
 * help channels' 0.75), "nothing" is not found, an empty one gets the help text; `more` walks
 * through three sentences.
 */
export function createScriptedResponder(): Responder & { asked: Asked[] } {
  const asked: Asked[] = [];
  return {
    asked,
    ask(question: string, options?: AskOptions): Answer {
      const thread = options?.thread ?? [];
      asked.push({
        question,
        turns: thread.map((t) => t.question),
        minConfidence: options?.minConfidence,
      });
      if (question === "") return { kind: "help", question, reason: "empty" };
      const confidence = question.includes("sure") ? 0.9 : 0.5;
      if (question.includes("nothing") || confidence < (options?.minConfidence ?? 0)) {
        return { kind: "not_found", question, suggestions: { titles: [] }, confidence };
      }
      return { kind: "cited", question, excerpts: [excerpt(0)], confidence };
    },
    more(thread: Thread): Answer {
      const last = thread.at(-1);
      const next = last?.shown.length ?? SENTENCES.length;
      if (!last || next >= SENTENCES.length)
        return { kind: "no_more", question: last?.question ?? "" };
      return { kind: "cited", question: last.question, excerpts: [excerpt(next)], confidence: 0.9 };
    },
    documents: () => [{ doc: "guide.md", title: "Guide", passages: 1 }],
  };
}
