/** How long "citebot has not answered in this thread" is believed before Slack is asked again. */
export const NOT_JOINED_MS = 60_000;

/**
 * Whether citebot has answered in a thread, as far as this process knows. Slack is the record
 * (citebot's answers carry its metadata); this only saves a `conversations.replies` per reply.
 */
export interface JoinedThreads {
  /** true: citebot answered there; false: it had not when last read; undefined: ask Slack. */
  known(channel: string, threadTs: string): boolean | undefined;
  /** Records what a read of the thread showed, or that citebot has just answered there. */
  learn(channel: string, threadTs: string, joined: boolean): void;
  /**
   * Learns with `read` whether citebot answered in the thread; replies arriving while a read
   * of the same thread is under way wait for its result instead of reading again.
   */
  check(channel: string, threadTs: string, read: () => Promise<boolean>): Promise<boolean>;
}

/** Options for {@link createJoinedThreads}. */
export interface JoinedThreadsOptions {
  /** Most threads remembered; the least recently used goes first. Default 10,000. */
  max?: number;
  /** Milliseconds a "not joined" is kept (another replica may answer there). Default {@link NOT_JOINED_MS}. */
  notJoinedMs?: number;
  /** The clock. Default Date.now. */
  now?: () => number;
}

/**
 * A bounded memory of what Slack said about threads. A thread citebot answered in stays
 * joined; "not joined" is forgotten after `notJoinedMs`, since a mention there may be answered
 * by another replica, which this process would not see.
 */
export function createJoinedThreads(options: JoinedThreadsOptions = {}): JoinedThreads {
  const { max = 10_000, notJoinedMs = NOT_JOINED_MS, now = Date.now } = options;
  // true, or the time a "not joined" was read; Map order is the recency order.
  const seen = new Map<string, true | number>();
  const key = (channel: string, ts: string) => `${channel}:${ts}`;
  // The reads under way, so replies arriving meanwhile wait for them.
  const reading = new Map<string, Promise<boolean>>();
  const learn = (channel: string, ts: string, joined: boolean) => {
    const k = key(channel, ts);
    if (!joined && seen.get(k) === true) return; // an answer, once given, stays in the thread
    seen.delete(k);
    seen.set(k, joined ? true : now());
    for (const oldest of seen.keys()) {
      if (seen.size <= max) break;
      seen.delete(oldest);
    }
  };
  return {
    known(channel, ts) {
      const k = key(channel, ts);
      const entry = seen.get(k);
      if (entry === undefined) return undefined;
      seen.delete(k);
      if (entry !== true && now() - entry >= notJoinedMs) return undefined;
      seen.set(k, entry); // re-inserted last: Map order is the recency order
      return entry === true;
    },
    learn,
    check(channel, ts, read) {
      const k = key(channel, ts);
      const pending = reading.get(k);
      if (pending) return pending;
      const done = read()
        .then((joined) => {
          learn(channel, ts, joined);
          return joined;
        })
        .finally(() => reading.delete(k));
      reading.set(k, done);
      return done;
    },
  };
}
