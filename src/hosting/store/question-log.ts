import { randomBytes } from "node:crypto";
import type { Answer } from "../../answering/answer.ts";
import type { Logger } from "../logger.ts";
import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import {
  newQuestionId,
  toOutcome,
  writeBatch,
  type Pending,
  type Vote,
} from "./question-records.ts";
import { createStore, type QuestionRecord, type Store } from "./store.ts";

/** A question to log, as a front end knows it; ids are the platform's own. */
export interface LoggedQuestion {
  /** "discord", "slack", "jsonl", "repl" … */
  platform: string;
  workspace?: string | null;
  channel?: string | null;
  /** The platform's user id; stored only as a keyed hash. */
  user?: string | null;
  /** Asked in a direct message: kept only when direct messages are logged. */
  direct?: boolean;
  collection?: string | null;
  answer: Answer;
}

/** Options for {@link createQuestionLog}. */
export interface QuestionLogOptions {
  /** Opens the database; called once, lazily (may throw: then nothing is logged). */
  open: () => Database;
  logger: Logger;
  /** Keep questions from direct messages. Default false. */
  logDirectMessages?: boolean;
  /** Delete entries older than this many days; 0 keeps them. Default 90. */
  retentionDays?: number;
  /** Key of the user-id hash; null = a random key created once and kept in the store. */
  hashKey?: string | null;
  /** The clock, for tests. */
  now?: () => number;
}

/** The non-blocking question log front ends write to; it never throws and never waits. */
export interface QuestionLog {
  /** Queues a question; resolves nothing. Returns its id (for feedback), or null when not kept. */
  record(question: LoggedQuestion): string | null;
  /** Queues a vote; a person's later vote on the same answer replaces the earlier one. */
  vote(vote: Vote): void;
  /** Resolves once everything queued so far is written (or given up on). Never rejects. */
  flush(): Promise<void>;
  /** The migrated store, for reading (report, admin commands); rejects when it is down. */
  store(): Promise<Store>;
  /** Flushes, then closes the database. */
  close(): Promise<void>;
}

/** Most entries held while the store is slow; past it new ones are dropped, not queued. */
const MAX_PENDING = 10_000;
const PRUNE_EVERY_MS = 12 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The question log: entries are queued and written in batches after the answer has gone out,
 * so a slow or dead store never delays or fails an answer. A failure logs one warning until a
 * write succeeds again.
 */
export function createQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const retentionDays = options.retentionDays ?? 90;
  let db: Database | null = null;
  let ready: Promise<{ store: Store; key: string }> | null = null;
  let pending: Pending[] = [];
  let flushing: Promise<void> | null = null;
  let scheduled = false;
  let down = false;
  let dropped = 0;
  let pruneTimer: NodeJS.Timeout | null = null;

  const prune = (store: Store) =>
    retentionDays > 0 ? store.prune(now() - retentionDays * DAY_MS) : Promise.resolve(0);

  const getReady = () => {
    ready ??= (async () => {
      db ??= options.open();
      await migrate(db);
      const store = createStore(db);
      const key =
        options.hashKey ?? (await store.setting("user_hash_key", randomBytes(32).toString("hex")));
      await prune(store);
      if (retentionDays > 0 && !pruneTimer) {
        pruneTimer = setInterval(() => void prune(store).catch(() => undefined), PRUNE_EVERY_MS);
        pruneTimer.unref();
      }
      return { store, key };
    })();
    // A failed start is retried by the next write (the server may come back).
    ready.catch(() => (ready = null));
    return ready;
  };

  const failed = (err: unknown, lost: number) => {
    dropped += lost;
    if (down) return;
    down = true;
    logger.warn(
      "question log: cannot write to the store; questions are still answered but not logged until it is back",
      {
        where: db?.where ?? "(not opened)",
        reason: err instanceof Error ? err.message : String(err),
      },
    );
  };

  async function drain(): Promise<void> {
    const batch = pending;
    pending = [];
    try {
      const { store, key } = await getReady();
      await writeBatch(store, key, batch);
      if (down) {
        down = false;
        logger.info(`question log: writing again (${dropped} entries were not logged)`);
        dropped = 0;
      }
    } catch (err) {
      failed(err, batch.length);
    }
  }

  const startDrain = (): Promise<void> =>
    (flushing ??= drain().finally(() => {
      flushing = null;
      if (pending.length > 0) schedule();
    }));

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // After the current answer has been sent: a burst of questions becomes one transaction.
    setImmediate(() => {
      scheduled = false;
      if (!flushing) void startDrain();
    });
  }

  const enqueue = (entry: Pending): boolean => {
    if (pending.length >= MAX_PENDING) {
      failed(new Error(`more than ${MAX_PENDING} entries waiting`), 1);
      return false;
    }
    pending.push(entry);
    schedule();
    return true;
  };

  return {
    record(q) {
      if (q.direct && !options.logDirectMessages) return null;
      const askedAt = now();
      const id = newQuestionId(askedAt);
      const record: QuestionRecord = {
        id,
        askedAt,
        platform: q.platform,
        workspace: q.workspace ?? null,
        channel: q.channel ?? null,
        userHash: null,
        question: q.answer.question,
        collection: q.collection ?? null,
        ...toOutcome(q.answer),
      };
      return enqueue({ record, user: q.user ?? null }) ? id : null;
    },
    vote: (vote) => void enqueue({ vote, at: now() }),
    async flush() {
      while (flushing || pending.length > 0) await (flushing ?? startDrain());
    },
    store: async () => (await getReady()).store,
    async close() {
      await this.flush();
      if (pruneTimer) clearInterval(pruneTimer);
      await db?.close().catch(() => undefined);
      db = null;
      ready = null;
    },
  };
}
