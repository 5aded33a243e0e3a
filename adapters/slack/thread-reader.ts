import type { App } from "@slack/bolt";
import type { Logger, Turn } from "../../src/index.ts";
import { toThreadTurns, type ThreadMessage } from "./thread-turns.ts";

/** Pages of `conversations.replies` read at most (200 messages each). */
const MAX_PAGES = 5;

/** Where a thread is and what to read of it. */
export interface ThreadPlace {
  channel: string;
  threadTs: string;
  /** Only messages before this one (the question being answered). */
  before?: string;
  /** Only the turns citebot answered ("More"). */
  answeredOnly?: boolean;
}

/**
 * The earlier turns of a thread, read with `conversations.replies` (its metadata included, so
 * citebot's own answers say what they showed). A failed read (a missing scope, a rate limit) is
 * one warning and the question is answered on its own.
 */
export async function readThread(
  client: App["client"],
  place: ThreadPlace,
  botUserId: string | undefined,
  logger: Logger,
): Promise<Turn[]> {
  const messages: ThreadMessage[] = [];
  try {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.conversations.replies({
        channel: place.channel,
        ts: place.threadTs,
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      messages.push(...((res.messages ?? []) as ThreadMessage[]));
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor || !res.has_more) break;
    }
  } catch (error) {
    logger.warn("slack: could not read the thread; answering the question on its own", {
      channel: place.channel,
      thread: place.threadTs,
      error,
    });
    return [];
  }
  const options = {
    ...(place.before === undefined ? {} : { before: place.before }),
    ...(place.answeredOnly ? { answeredOnly: true } : {}),
  };
  return toThreadTurns(messages, botUserId, options);
}

/** Threads citebot has answered in, so a reply there needs no mention. */
export interface AnsweredThreads {
  has(channel: string, threadTs: string): boolean;
  add(channel: string, threadTs: string): void;
}

/**
 * Remembers the last `max` threads citebot answered in (in memory, least recent forgotten
 * first). After a restart a reply needs a mention once; the thread's turns are read back then.
 */
export function createAnsweredThreads(max = 10_000): AnsweredThreads {
  const seen = new Set<string>();
  const key = (channel: string, ts: string) => `${channel}:${ts}`;
  return {
    has: (channel, ts) => seen.has(key(channel, ts)),
    add(channel, ts) {
      const k = key(channel, ts);
      seen.delete(k); // re-inserted last: Set order is the recency order
      seen.add(k);
      for (const oldest of seen) {
        if (seen.size <= max) break;
        seen.delete(oldest);
      }
    },
  };
}
