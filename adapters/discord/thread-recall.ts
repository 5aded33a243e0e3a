import type { Message } from "discord.js";
import type { Answer, Logger, Responder } from "../../src/index.ts";
import type { ThreadStore } from "../shared/threads.ts";
import { earlierSteps, type Readable } from "./history-steps.ts";
import { replay } from "./more-history.ts";
import type { DiscordPayload } from "./render.ts";

/** Options for {@link createThreadRecall}. */
export interface ThreadRecallOptions {
  /** The conversations of this process; a thread read back gets its turns here. */
  threads: ThreadStore;
  /** The responder that answers in a message's channel (its collection's). */
  responderFor: (message: Message) => Responder;
  /** How an answer is shown, to tell whether a replayed answer is the one the thread shows. */
  render: (answer: Answer) => DiscordPayload;
  logger: Logger;
  /** Most threads whose read is remembered; the first read goes first. Default 10,000. */
  max?: number;
}

/**
 * What this process learned of threads it holds no conversation of (after a restart): each is
 * read back from its history once, its turns recorded in the thread store.
 */
export interface ThreadRecall {
  /** Whether `message` is in a thread not yet read back, in which citebot has not answered. */
  unknown(message: Message): boolean;
  /** Whether the read of the thread showed citebot answering there (or it opened it). */
  joined(threadId: string): boolean;
  /**
   * Reads the history before `message` if its thread is {@link ThreadRecall.unknown}; replies
   * arriving meanwhile wait for that read instead of reading again. Never throws.
   */
  read(message: Message, botId: string): Promise<void>;
}

/** Creates a bounded recall of threads, reading each at most once per process. */
export function createThreadRecall(options: ThreadRecallOptions): ThreadRecall {
  const { threads, responderFor, render, logger, max = 10_000 } = options;
  // Whether citebot joined each thread read, in the order they were read.
  const seen = new Map<string, boolean>();
  const reading = new Map<string, Promise<void>>();
  const remember = (id: string, joined: boolean) => {
    seen.set(id, joined);
    for (const oldest of seen.keys()) {
      if (seen.size <= max) break;
      seen.delete(oldest);
    }
  };
  // A forum post's first message has the post's id: there is nothing before it to read.
  const unknown = (message: Message) =>
    message.channel.isThread() &&
    message.id !== message.channelId &&
    !threads.has(message.channelId) &&
    !seen.has(message.channelId);

  /** citebot's turns in the thread before `message`, recorded; whether it joined the thread. */
  async function rebuild(message: Message, botId: string): Promise<boolean> {
    const id = message.channelId;
    const opened = message.channel.isThread() && message.channel.ownerId === botId;
    try {
      const steps = await earlierSteps(message.channel as Readable, message, botId);
      const answers = replay(steps, [], responderFor(message), render) ?? [];
      // A More pressed meanwhile may have read the conversation back already.
      if (!threads.has(id))
        for (const { answer, more } of answers) threads.record(id, answer, more);
      logger.info("discord: read a thread's earlier turns back from its history", {
        channel: id,
        answers: steps.length,
        turns: answers.length,
      });
      return opened || steps.length > 0;
    } catch (error) {
      // Remembered all the same: a thread that cannot be read (no Read Message History) is not read per reply.
      logger.warn("discord: could not read a thread's earlier turns from its history", {
        channel: id,
        message: message.id,
        error,
      });
      return opened;
    }
  }

  return {
    unknown,
    joined: (threadId) => seen.get(threadId) === true,
    read(message, botId) {
      const id = message.channelId;
      const pending = reading.get(id);
      if (pending) return pending;
      if (!unknown(message)) return Promise.resolve();
      const done = rebuild(message, botId)
        .then((joined) => remember(id, joined))
        .finally(() => reading.delete(id));
      reading.set(id, done);
      return done;
    },
  };
}
