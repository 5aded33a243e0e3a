import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import type { FrontEndDeps } from "../shared/deps.ts";
import { withFeedback } from "./feedback.ts";
import {
  render,
  renderFailure,
  renderHelp,
  renderRateLimited,
  renderSources,
  type DiscordPayload,
} from "./render.ts";
import { toRequest } from "./to-question.ts";
import { askAndLog } from "../shared/asking.ts";

/** What the slash command handler needs. */
export interface InteractionHandlerOptions extends FrontEndDeps {
  /** Defer instead of replying when the interaction is already this old (Discord allows 3 s). */
  deferAfterMs: number;
}

/** Creates the handler for `/ask`, `/sources` and `/help`; it never throws. */
export function createInteractionHandler(
  options: InteractionHandlerOptions,
): (interaction: ChatInputCommandInteraction) => Promise<void> {
  const { responder, logger, rateLimiter } = options;

  const respond = async (
    interaction: ChatInputCommandInteraction,
    payload: DiscordPayload,
    ephemeral: boolean,
  ) => {
    if (interaction.deferred) await interaction.editReply(payload);
    else if (interaction.replied)
      await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    else
      await interaction.reply({
        ...payload,
        ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
  };

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
          // The first response must reach Discord within 3 s of the command; when a backlog
          // has eaten most of that, claim the interaction first and edit the answer in.
          if (Date.now() - interaction.createdTimestamp > options.deferAfterMs) {
            await interaction.deferReply(
              request.ephemeral ? { flags: MessageFlags.Ephemeral } : {},
            );
          }
          const place = {
            platform: "discord",
            server: interaction.guildId,
            channel: interaction.channelId,
          };
          const asker = { place, user: interaction.user.id, direct: !interaction.inGuild() };
          const { answer, id } = askAndLog(options.asking, responder, asker, request.question);
          const payload = render(answer, { seedsBaseUrl: options.seedsBaseUrl });
          return await respond(interaction, withFeedback(payload, answer, id), request.ephemeral);
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
