import {
  ApplicationCommandType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { ThreadStore } from "../shared/threads.ts";
import { askAndLog } from "../shared/asking.ts";
import { withButtons } from "./more-button.ts";
import { placeOf } from "./place.ts";
import { render, renderFailure, renderRateLimited, type DiscordPayload } from "./render.ts";
import { deferWhenLate, respondTo } from "./respond.ts";
import { withoutMentions } from "./to-question.ts";

/** The message context-menu command: right-click a message → Apps → Ask citebot. */
export const ASK_MESSAGE_COMMAND = {
  type: ApplicationCommandType.Message,
  name: "Ask citebot",
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

/** The reply when the message has no words to look up. */
export const NO_TEXT =
  "That message has no text I can look up (images, embeds and stickers carry none). Use `/ask question:` with your own words instead.";

/** What the context-menu handler needs. */
export interface ContextMenuOptions extends FrontEndDeps {
  deferAfterMs: number;
  threads: ThreadStore;
}

/**
 * Creates the handler for *Ask citebot*: it answers the message it is used on, visible only to
 * whoever used it (they may not want to point at someone's message in public); it never
 * throws. The message's mentions are not words of the question, and nothing in it can ping.
 */
export function createContextMenuHandler(
  options: ContextMenuOptions,
): (interaction: MessageContextMenuCommandInteraction) => Promise<void> {
  const { responder, logger, rateLimiter, threads } = options;
  const privately = (interaction: MessageContextMenuCommandInteraction, payload: DiscordPayload) =>
    respondTo(interaction, payload, true);
  return async (interaction) => {
    const context = { command: interaction.commandName, interaction: interaction.id };
    try {
      const decision = rateLimiter.take(interaction.user.id);
      if (!decision.allowed) {
        return await privately(interaction, renderRateLimited(decision.retryAfterMs));
      }
      const question = withoutMentions(interaction.targetMessage.content);
      if (question === "") {
        return await privately(interaction, {
          content: NO_TEXT,
          embeds: [],
          allowedMentions: { parse: [] },
        });
      }
      await deferWhenLate(interaction, options.deferAfterMs, true);
      const place = placeOf(interaction.guildId, interaction.channelId, interaction.channel);
      const asker = { place, user: interaction.user.id, direct: !interaction.inGuild() };
      const { answer, id } = askAndLog(options.asking, responder, asker, question);
      const key = `i${interaction.id}`;
      threads.record(key, answer);
      const payload = render(answer, { seedsBaseUrl: options.seedsBaseUrl });
      await privately(interaction, withButtons(payload, answer, id, key));
    } catch (error) {
      logger.error("discord: answering Ask citebot failed", { ...context, error });
      await privately(interaction, renderFailure()).catch((again: unknown) => {
        logger.error("discord: could not send the failure reply", { ...context, error: again });
      });
    }
  };
}
