import type { ChatInputCommandInteraction } from "discord.js";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { ThreadStore } from "../shared/threads.ts";
import { withButtons } from "./more-button.ts";
import { placeOf } from "./place.ts";
import { render, renderFailure, renderHelp, renderRateLimited, renderSources } from "./render.ts";
import { deferWhenLate, respondTo as respond } from "./respond.ts";
import { toRequest } from "./to-question.ts";
import { askAndLog } from "../shared/asking.ts";

/** What the slash command handler needs. */
export interface InteractionHandlerOptions extends FrontEndDeps {
  /** Defer instead of replying when the interaction is already this old (Discord allows 3 s). */
  deferAfterMs: number;
  /** Where an answer's conversation is kept, for its More button. */
  threads: ThreadStore;
}

/** Creates the handler for `/ask`, `/sources` and `/help`; it never throws. */
export function createInteractionHandler(
  options: InteractionHandlerOptions,
): (interaction: ChatInputCommandInteraction) => Promise<void> {
  const { responder, logger, rateLimiter, threads } = options;

  return async (interaction) => {
    const context = {
      command: interaction.commandName,
      interaction: interaction.id,
      user: interaction.user.id,
    };
    try {
      const request = toRequest({
        commandName: interaction.commandName,
        question: interaction.options.getString("question"),
        private: interaction.options.getBoolean("private"),
      });
      if (request === null) {
        logger.warn("discord: unknown command", context);
        return await respond(interaction, renderHelp(), true);
      }
      switch (request.kind) {
        case "help":
          return await respond(interaction, renderHelp(), true);
        case "sources":
          return await respond(interaction, renderSources(responder.documents()), true);
        case "ask": {
          const decision = rateLimiter.take(interaction.user.id);
          if (!decision.allowed) {
            return await respond(interaction, renderRateLimited(decision.retryAfterMs), true);
          }
          await deferWhenLate(interaction, options.deferAfterMs, request.ephemeral);
          const place = placeOf(interaction.guildId, interaction.channelId, interaction.channel);
          const asker = { place, user: interaction.user.id, direct: !interaction.inGuild() };
          const { answer, id } = askAndLog(options.asking, responder, asker, request.question);
          // Each /ask is a conversation of its own, kept for its More button.
          const key = `i${interaction.id}`;
          threads.record(key, answer);
          const payload = render(answer, { seedsBaseUrl: options.seedsBaseUrl });
          return await respond(
            interaction,
            withButtons(payload, answer, id, key),
            request.ephemeral,
          );
        }
      }
    } catch (error) {
      logger.error("discord: answering a command failed", { ...context, error });
      await respond(interaction, renderFailure(), true).catch((again: unknown) => {
        logger.error("discord: could not send the failure reply", { ...context, error: again });
      });
    }
  };
}
