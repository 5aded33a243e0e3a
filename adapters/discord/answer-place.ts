import {
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type Message,
  type MessageCreateOptions,
} from "discord.js";
import { clipAtWord, toDisplayText, type Logger } from "../../src/index.ts";

/** Discord's limit on a thread's name. */
export const MAX_THREAD_NAME = 100;

/**
 * A thread's name from the question: one line, no markup or mention syntax (a name shows them
 * as typed), clipped at a word within Discord's 100 characters; "citebot" when nothing is left.
 */
export function threadName(question: string): string {
  const plain = toDisplayText(question)
    .replace(/<(?:@[!&]?|#)\d+>|@(?=everyone|here)/gi, "")
    .replace(/[*_~`|]/g, "")
    .replace(/[>#[\]()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain === "" ? "citebot" : clipAtWord(plain, MAX_THREAD_NAME);
}

/** Where an answer was sent, and the conversation it belongs to. */
export interface Sent {
  /** The thread-store key: the thread (or DM) the answer is in, or the message when in a channel. */
  key: string;
}

/**
 * Sends the answer where the conversation goes on: a reply in a thread or DM; for a message in
 * a text channel, a new thread on that message named from the question (unless `openThread` is
 * false: the help text needs no thread). Without Create Public
 * Threads (or when Discord refuses), the answer is a reply in the channel, and the first such
 * fallback in a channel is logged.
 */
export function createAnswerSender(logger: Logger) {
  const warned = new Set<string>();
  const fallBack = (message: Message, reason: string, error?: unknown) => {
    if (warned.has(message.channelId)) return;
    warned.add(message.channelId);
    logger.warn(`discord: cannot open a thread here (${reason}); answering in the channel`, {
      channel: message.channelId,
      ...(error === undefined ? {} : { error }),
    });
  };
  const canOpenThread = (message: Message): boolean => {
    if (!message.inGuild() || message.channel.isThread()) return false;
    const me = message.guild.members.me;
    const allowed =
      me && message.channel.permissionsFor(me)?.has(PermissionFlagsBits.CreatePublicThreads);
    if (allowed === false) fallBack(message, "the bot lacks Create Public Threads");
    return allowed !== false;
  };
  return async (
    message: Message,
    question: string,
    payload: (key: string) => MessageCreateOptions,
    openThread = true,
  ): Promise<Sent> => {
    if (!message.inGuild() || message.channel.isThread()) {
      await message.reply(payload(message.channelId));
      return { key: message.channelId };
    }
    const thread =
      openThread && canOpenThread(message)
        ? await message
            .startThread({
              name: threadName(question),
              autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
            })
            .catch((error: unknown) => void fallBack(message, "Discord refused", error))
        : undefined;
    if (thread) {
      await thread.send(payload(thread.id));
      return { key: thread.id };
    }
    const key = `m${message.id}`;
    await message.reply(payload(key));
    return { key };
  };
}
