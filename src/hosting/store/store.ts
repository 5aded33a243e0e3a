import type { Database } from "./database.ts";

/** How a question ended. */
export type Outcome = "answered" | "not_found" | "help";

/** A place an answer quoted. */
export interface Citation {
  doc: string;
  line: number;
  start: number;
  end: number;
}

/** One logged question, as stored. */
export interface QuestionRecord {
  id: string;
  /** Milliseconds since the epoch. */
  askedAt: number;
  /** "discord", "slack", "jsonl", "repl" … */
  platform: string;
  /** Discord server or Slack workspace id; null for DMs and local front ends. */
  workspace: string | null;
  channel: string | null;
  /** Keyed hash of the platform's user id (never the id itself); null when unknown. */
  userHash: string | null;
  question: string;
  outcome: Outcome;
  /** How sure the core was that the seeds answer it (0–1); null for help replies. */
  confidence: number | null;
  /** The document set it was answered from; null = all seeds. */
  collection: string | null;
  cited: Citation[];
}

/** One person's vote on one answer (+1 👍, -1 👎), with the optional reason for a 👎. */
export interface FeedbackRecord {
  questionId: string;
  userHash: string;
  vote: 1 | -1;
  reason: string | null;
  votedAt: number;
}

/** The question log and feedback tables, the same on SQLite and PostgreSQL. */
export interface Store {
  readonly db: Database;
  /** Appends questions in one transaction. */
  addQuestions(records: readonly QuestionRecord[]): Promise<void>;
  /** Records a vote; a person's later vote on the same answer replaces the earlier one. */
  addVote(vote: FeedbackRecord): Promise<void>;
  /** Questions asked at or after `since`, oldest first. */
  questionsSince(since: number): Promise<QuestionRecord[]>;
  /** Votes cast at or after `since`. */
  feedbackSince(since: number): Promise<FeedbackRecord[]>;
  /** Deletes questions and votes older than `before`; resolves to the rows deleted. */
  prune(before: number): Promise<number>;
  /** A named setting, created with `fallback` when absent (the first writer wins). */
  setting(name: string, fallback: string): Promise<string>;
}

interface QuestionRow {
  id: string;
  asked_at: number | string;
  platform: string;
  workspace: string | null;
  channel: string | null;
  user_hash: string | null;
  question: string;
  outcome: string;
  confidence: number | null;
  collection: string | null;
  cited: string;
}

interface FeedbackRow {
  question_id: string;
  user_hash: string;
  vote: number | string;
  reason: string | null;
  voted_at: number | string;
}

function toCitations(json: string): Citation[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Citation[]) : [];
  } catch {
    return [];
  }
}

// PostgreSQL returns BIGINT as a string (it may exceed 2^53); our values are milliseconds.
const toQuestion = (r: QuestionRow): QuestionRecord => ({
  id: r.id,
  askedAt: Number(r.asked_at),
  platform: r.platform,
  workspace: r.workspace,
  channel: r.channel,
  userHash: r.user_hash,
  question: r.question,
  outcome: r.outcome as Outcome,
  confidence: r.confidence === null ? null : Number(r.confidence),
  collection: r.collection,
  cited: toCitations(r.cited),
});

const toFeedback = (r: FeedbackRow): FeedbackRecord => ({
  questionId: r.question_id,
  userHash: r.user_hash,
  vote: Number(r.vote) > 0 ? 1 : -1,
  reason: r.reason,
  votedAt: Number(r.voted_at),
});

/** The store's operations over a migrated database. */
export function createStore(db: Database): Store {
  return {
    db,
    addQuestions: (records) =>
      db.transaction(async (tx) => {
        for (const r of records) {
          await tx.run(
            `INSERT INTO questions (id, asked_at, platform, workspace, channel, user_hash, question,
              outcome, confidence, collection, cited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              r.id,
              r.askedAt,
              r.platform,
              r.workspace,
              r.channel,
              r.userHash,
              r.question,
              r.outcome,
              r.confidence,
              r.collection,
              JSON.stringify(r.cited),
            ],
          );
        }
      }),
    addVote: async (v) => {
      await db.run(
        `INSERT INTO feedback (question_id, user_hash, vote, reason, voted_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (question_id, user_hash)
         DO UPDATE SET vote = excluded.vote, reason = excluded.reason, voted_at = excluded.voted_at`,
        [v.questionId, v.userHash, v.vote, v.reason, v.votedAt],
      );
    },
    questionsSince: async (since) =>
      (
        await db.all<QuestionRow>(
          "SELECT * FROM questions WHERE asked_at >= ? ORDER BY asked_at, id",
          [since],
        )
      ).map(toQuestion),
    feedbackSince: async (since) =>
      (
        await db.all<FeedbackRow>("SELECT * FROM feedback WHERE voted_at >= ? ORDER BY voted_at", [
          since,
        ])
      ).map(toFeedback),
    prune: (before) =>
      db.transaction(
        async (tx) =>
          (await tx.run("DELETE FROM questions WHERE asked_at < ?", [before])) +
          (await tx.run("DELETE FROM feedback WHERE voted_at < ?", [before])),
      ),
    setting: async (name, fallback) => {
      await db.run(
        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        [name, fallback],
      );
      const rows = await db.all<{ value: string }>("SELECT value FROM settings WHERE name = ?", [
        name,
      ]);
      return rows[0]?.value ?? fallback;
    },
  };
}
