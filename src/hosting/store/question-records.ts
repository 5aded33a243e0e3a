// The question log's records: an answer as the log keeps it, ids that sort by time, keyed user
// hashes, and the write of one queued batch.
import { createHmac, randomBytes } from "node:crypto";
import type { Answer } from "../../answering/answer.ts";
import type { Citation, Outcome, QuestionRecord, Store } from "./store.ts";

/** A 👍 (+1) or 👎 (-1) on a logged answer. */
export interface Vote {
  questionId: string;
  platform: string;
  user: string;
  vote: 1 | -1;
  reason?: string | null;
}

/** An entry waiting to be written: a question (with its raw user id, hashed on write) or a vote. */
export type Pending = { record: QuestionRecord; user: string | null } | { vote: Vote; at: number };

/** The outcome, confidence and citations of an answer, as the log keeps them. */
export function toOutcome(answer: Answer): {
  outcome: Outcome;
  confidence: number | null;
  cited: Citation[];
} {
  if (answer.kind === "help") return { outcome: "help", confidence: null, cited: [] };
  // "More" found nothing further: logged like a question the seeds do not answer.
  if (answer.kind === "no_more") return { outcome: "not_found", confidence: null, cited: [] };
  const confidence = answer.confidence ?? null;
  if (answer.kind === "not_found") return { outcome: "not_found", confidence, cited: [] };
  const cited = answer.excerpts.map(({ doc, line, start, end }) => ({ doc, line, start, end }));
  return { outcome: "answered", confidence, cited };
}

let sequence = 0;

/** A new question id that sorts in the order questions were asked (time, then a counter). */
export function newQuestionId(now: number): string {
  sequence = (sequence + 1) % 36 ** 6;
  return [
    Math.max(0, Math.floor(now)).toString(36).padStart(9, "0"),
    sequence.toString(36).padStart(6, "0"),
    randomBytes(6).toString("hex"),
  ].join("-");
}

/** Keyed hash of a platform user id: stable for one key, useless without it. */
export function hashUser(key: string, platform: string, user: string): string {
  return createHmac("sha256", key).update(`${platform}:${user}`).digest("hex").slice(0, 32);
}

/** Writes one batch: its questions in one call, then its votes; user ids hashed with `key`. */
export async function writeBatch(store: Store, key: string, batch: Pending[]): Promise<void> {
  const hash = (platform: string, user: string | null) =>
    user ? hashUser(key, platform, user) : null;
  const questions = batch.flatMap((p) =>
    "record" in p ? [{ ...p.record, userHash: hash(p.record.platform, p.user) }] : [],
  );
  if (questions.length > 0) await store.addQuestions(questions);
  for (const p of batch) {
    if (!("vote" in p)) continue;
    const { questionId, platform, user, vote, reason } = p.vote;
    await store.addVote({
      questionId,
      userHash: hashUser(key, platform, user),
      vote,
      reason: reason?.trim() || null,
      votedAt: p.at,
    });
  }
}
