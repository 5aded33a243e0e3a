import { randomUUID } from "node:crypto";
import type { Answer, Thread } from "../../src/index.ts";
import type { HelpChannels } from "./help-channels.ts";
import type { HandlerDeps } from "./notices.ts";
import { createJoinedThreads, type JoinedThreads } from "./thread-joined.ts";

/** A bounded map, least recently used forgotten first (Map order is the recency order). */
function createBounded<T>(max: number) {
  const items = new Map<string, T>();
  return {
    get(key: string): T | undefined {
      const item = items.get(key);
      if (item !== undefined) {
        items.delete(key);
        items.set(key, item);
      }
      return item;
    },
    set(key: string, item: T): void {
      items.delete(key);
      items.set(key, item);
      for (const oldest of items.keys()) {
        if (items.size <= max) break;
        items.delete(oldest);
      }
    },
  };
}

/**
 * What the Slack front end keeps in memory: the conversations Slack cannot give back (the top
 * level of a DM, ephemeral answers), the answers shown privately (so "Post to channel" posts
 * those), and what Slack said about which threads citebot answered in. Threads themselves are
 * read back from Slack.
 */
export interface SlackMemory {
  conversations: { get(key: string): Thread; set(key: string, thread: Thread): void };
  shown: { keep(answer: Answer): string; get(id: string): Answer | undefined };
  answered: JoinedThreads;
}

/** A fresh, bounded {@link SlackMemory} (10,000 of each). */
export function createSlackMemory(max = 10_000): SlackMemory {
  const conversations = createBounded<Thread>(max);
  const shown = createBounded<Answer>(max);
  return {
    conversations: {
      get: (key) => conversations.get(key) ?? [],
      set: (key, thread) => conversations.set(key, thread.slice(-20)),
    },
    shown: {
      keep(answer) {
        const id = randomUUID();
        shown.set(id, answer);
        return id;
      },
      get: (id) => shown.get(id),
    },
    answered: createJoinedThreads({ max }),
  };
}

/** What the conversation listeners need besides the handler basics. */
export interface ConversationDeps extends HandlerDeps {
  memory: SlackMemory;
  /** Help channels answered without a mention; null = none. */
  help: HelpChannels | null;
}
