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
 * A thread's messages, oldest first, read with `conversations.replies` (its metadata included,
 * so citebot's own answers say what they showed). A failed read (a missing scope, a rate
 * limit) is one warning and null.
 */
export async function fetchThread(
  client: App["client"],
  place: Pick<ThreadPlace, "channel" | "threadTs">,
  logger: Logger,
): Promise<ThreadMessage[] | null> {
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
    logger.warn("slack: could not read the thread", {
      channel: place.channel,
      thread: place.threadTs,
      error,
    });
    return null;
  }
  return messages;
}

/** The turns of `messages` for `place` (before its question, or only those citebot answered). */
export function turnsOf(
  messages: readonly ThreadMessage[],
  place: ThreadPlace,
  botUserId: string | undefined,
): Turn[] {
  const options = {
    ...(place.before === undefined ? {} : { before: place.before }),
    ...(place.answeredOnly ? { answeredOnly: true } : {}),
  };
  return toThreadTurns(messages, botUserId, options);
}

/** The earlier turns of a thread; a thread that cannot be read has none (answered on its own). */
export async function readThread(
  client: App["client"],
  place: ThreadPlace,
  botUserId: string | undefined,
  logger: Logger,
): Promise<Turn[]> {
  const messages = await fetchThread(client, place, logger);
  return messages ? turnsOf(messages, place, botUserId) : [];
}
