import type { Message } from "discord.js";
import type { Answer } from "../../src/index.ts";
import type { FrontEndDeps } from "../shared/deps.ts";
import { withFeedback } from "./feedback.ts";
import type { ThreadStore } from "../shared/threads.ts";
import { render, renderFailure, renderRateLimited } from "./render.ts";
import { askAndLog } from "../shared/asking.ts";

/** What the message handler needs. */
export interface MessageHandlerOptions extends FrontEndDeps {
  threads: ThreadStore;
}

/**
 * Creates the handler that answers a mention or DM with a reply to that message; it never
 * throws. In a thread (or a DM) the question is a follow-up of the turns before it there.
 * Callers run it one message at a time per channel so replies keep their order.
 */
export function createMessageHandler(
  options: MessageHandlerOptions,
): (message: Message, question: string) => Promise<void> {
  const { responder, logger, rateLimiter, threads } = options;
  const payloadOf = (answer: Answer) => render(answer, { seedsBaseUrl: options.seedsBaseUrl });

  return async (message, question) => {
    const context = { channel: message.channelId, message: message.id, user: message.author.id };
    try {
      const decision = rateLimiter.take(message.author.id);
      if (!decision.allowed) {
        await message.reply(renderRateLimited(decision.retryAfterMs));
        return;
      }
      // A group DM channel cannot show typing; everything else can.
      if ("sendTyping" in message.channel) {
        await message.channel.sendTyping().catch((error: unknown) => {
          logger.warn("discord: typing indicator failed", { ...context, error });
        });
      }
      // A thread takes its parent channel's collection.
      const channel = message.channel.isThread()
        ? (message.channel.parentId ?? message.channelId)
        : message.channelId;
      const place = { platform: "discord", server: message.guildId, channel };
      const inConversation = message.channel.isThread() || !message.inGuild();
      const thread = inConversation ? threads.get(message.channelId) : [];
      const asker = { place, user: message.author.id, direct: !message.inGuild() };
      const { answer, id } = askAndLog(options.asking, responder, asker, question, { thread });
      await message.reply(withFeedback(payloadOf(answer), answer, id));
      // Only conversations are remembered: a text channel's questions each stand alone.
      if (inConversation) threads.record(message.channelId, answer);
    } catch (error) {
      logger.error("discord: answering a message failed", { ...context, error });
      await message.reply(renderFailure()).catch((again: unknown) => {
        logger.error("discord: could not send the failure reply", { ...context, error: again });
      });
    }
  };
}
