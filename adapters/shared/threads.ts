import { extendThread, type Answer, type Thread } from "../../src/index.ts";

/** Options for {@link createThreadStore}. */
export interface ThreadStoreOptions {
  /** Most conversations kept; the least recently used goes first. Default 10,000. */
  maxThreads?: number;
  /** Most turns kept per conversation (older ones no longer shape follow-ups). Default 20. */
  maxTurns?: number;
}

/** The conversations of one process, by a key the adapter picks (a thread or channel id). */
export interface ThreadStore {
  /** The turns so far of a conversation; empty when unknown. */
  get(key: string): Thread;
  /** Whether citebot has answered in this conversation (a Discord thread it may reply in). */
  has(key: string): boolean;
  /** Records an answer: a question adds a turn, a "more" adds its excerpts to the last one. */
  record(key: string, answer: Answer, wasMore?: boolean): void;
  /** Forgets a conversation (`:new`). */
  drop(key: string): void;
}

/**
 * An in-memory, bounded store of conversations. Bounded because every thread a bot ever
 * answered would otherwise stay in memory; a forgotten thread is answered as a new one.
 */
export function createThreadStore(options: ThreadStoreOptions = {}): ThreadStore {
  const maxThreads = options.maxThreads ?? 10_000;
  const maxTurns = options.maxTurns ?? 20;
  const threads = new Map<string, Thread>();
  return {
    get: (key) => threads.get(key) ?? [],
    has: (key) => threads.has(key),
    record(key, answer, wasMore = false) {
      const next = extendThread(threads.get(key) ?? [], answer, wasMore).slice(-maxTurns);
      threads.delete(key); // re-inserted last: Map order is the recency order
      threads.set(key, next);
      for (const oldest of threads.keys()) {
        if (threads.size <= maxThreads) break;
        threads.delete(oldest);
      }
    },
    drop: (key) => void threads.delete(key),
  };
}
