import type { Message } from "discord.js";
import type { Answer } from "../../src/index.ts";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { ThreadStore } from "../shared/threads.ts";
import { askAndLog } from "../shared/asking.ts";
import { createAnswerSender } from "./answer-place.ts";
import type { HelpChannels } from "./help-channels.ts";
import { withButtons } from "./more-button.ts";
import { placeOf } from "./place.ts";
import { render, renderFailure, renderRateLimited } from "./render.ts";
import type { Via } from "./to-question.ts";

/** What the message handler needs. */
export interface MessageHandlerOptions extends FrontEndDeps {
  threads: ThreadStore;
  /** Help channels, whose unprompted posts are answered only when citebot is sure enough. */
  help?: HelpChannels | undefined;
}

/**
 * Creates the handler that answers a message; it never throws. A DM or a message in a thread
 * gets a reply there, as a follow-up of the turns before it; a message in a text channel gets
 * its answer in a new thread on it. Whoever addresses citebot (a DM, a mention) always gets an
 * answer or a reason; an unprompted message (a reply in citebot's thread, a help-channel post)
 * gets one only when there is something to quote, in help channels only above their stricter
 * threshold. Callers run it one message at a time per channel so replies keep their order.
 */
export function createMessageHandler(
  options: MessageHandlerOptions,
): (message: Message, question: string, via: Via) => Promise<void> {
  const { responder, logger, rateLimiter, threads, help } = options;
  const payloadOf = (answer: Answer) => render(answer, { seedsBaseUrl: options.seedsBaseUrl });
  const send = createAnswerSender(logger);
  const inHelpChannel = (message: Message) => {
    const channel = message.channel.isThread() ? message.channel.parentId : message.channelId;
    return help !== undefined && channel !== null && help.channels.has(channel);
  };

  return async (message, question, via) => {
    const context = { channel: message.channelId, message: message.id, user: message.author.id };
    const unprompted = via === "thread" || via === "help";
    const strict = unprompted && inHelpChannel(message);
    try {
      const decision = rateLimiter.take(message.author.id);
      if (!decision.allowed) {
        if (!strict) await message.reply(renderRateLimited(decision.retryAfterMs));
        return;
      }
      // A group DM channel cannot show typing; a help post may get no answer at all.
      if ("sendTyping" in message.channel && !strict) {
        await message.channel.sendTyping().catch((error: unknown) => {
          logger.warn("discord: typing indicator failed", { ...context, error });
        });
      }
      const place = placeOf(message.guildId, message.channelId, message.channel);
      const inConversation = message.channel.isThread() || !message.inGuild();
      const thread = inConversation ? threads.get(message.channelId) : [];
      const asker = { place, user: message.author.id, direct: !message.inGuild() };
      // Unprompted, citebot speaks only to quote; never the help text to someone talking to others.
      const speaks = (a: Answer) =>
        !unprompted || (strict ? a.kind === "cited" : a.kind !== "help");
      const asked = strict && help ? { thread, minConfidence: help.minConfidence } : { thread };
      const { answer, id } = askAndLog(options.asking, responder, asker, question, asked, speaks);
      if (!speaks(answer)) {
        logger.info("discord: left an unprompted message unanswered", { ...context, via });
        return;
      }
      const sent = await send(
        message,
        question,
        (key) => withButtons(payloadOf(answer), answer, id, key),
        answer.kind !== "help", // a greeting or the help text opens no thread
      );
      threads.record(sent.key, answer);
    } catch (error) {
      logger.error("discord: answering a message failed", { ...context, error });
      if (strict) return; // nobody asked citebot: an apology would be noise
      await message.reply(renderFailure()).catch((again: unknown) => {
        logger.error("discord: could not send the failure reply", { ...context, error: again });
      });
    }
  };
}
