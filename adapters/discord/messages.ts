import type { Message } from "discord.js";
import type { FrontEndDeps } from "../shared/deps.ts";
import { withFeedback } from "./feedback.ts";
import { render, renderFailure, renderRateLimited } from "./render.ts";

/**
 * Creates the handler that answers a mention or DM with a reply to that message; it never
 * throws. Callers run it one message at a time per channel so replies keep their order.
 */
export function createMessageHandler(
  options: FrontEndDeps,
): (message: Message, question: string) => Promise<void> {
  const { responder, logger, rateLimiter } = options;
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
      const picked = options.asking?.pick(place) ?? { responder, collection: null };
      const answer = picked.responder.ask(question);
      const id =
        options.asking?.log?.record({
          ...place,
          workspace: message.guildId,
          user: message.author.id,
          direct: !message.inGuild(),
          collection: picked.collection,
          answer,
        }) ?? null;
      await message.reply(
        withFeedback(render(answer, { seedsBaseUrl: options.seedsBaseUrl }), answer, id),
      );
    } catch (error) {
      logger.error("discord: answering a message failed", { ...context, error });
      await message.reply(renderFailure()).catch((again: unknown) => {
        logger.error("discord: could not send the failure reply", { ...context, error: again });
      });
    }
  };
}
