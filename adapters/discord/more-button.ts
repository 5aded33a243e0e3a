import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type Channel,
} from "discord.js";
import type { Answer } from "../../src/index.ts";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { ThreadStore } from "../shared/threads.ts";
import { withFeedback } from "./feedback.ts";
import { rebuildFromHistory } from "./more-history.ts";
import { placeOf } from "./place.ts";
import { render, renderFailure, renderRateLimited, type DiscordPayload } from "./render.ts";

const MORE = "citebot:more:";

/** Components under an answer: feedback when logged, More when it quoted something. */
export type Components = APIActionRowComponent<APIComponentInMessageActionRow>[];

/** The reply to a More whose conversation is neither held nor readable back from the history. */
export const EXPIRED =
  "I no longer remember that conversation (I keep recent ones only, and forget them when I restart), so I can't show more. Ask the question again and I'll answer it afresh.";

/** The More button; its id carries the conversation's key in the thread store. */
export function moreRow(key: string): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: MORE + key,
        label: "More",
      },
    ],
  };
}

/** The payload with its buttons: 👍 / 👎 when logged, More under every quoting answer. */
export function withButtons(
  payload: DiscordPayload,
  answer: Answer,
  questionId: string | null,
  key: string,
): DiscordPayload & { components?: Components } {
  const voted = withFeedback(payload, answer, questionId);
  if (answer.kind !== "cited") return voted;
  return { ...voted, components: [...(voted.components ?? []), moreRow(key)] };
}

/** True for the custom id of a More button. */
export function isMore(customId: string): boolean {
  return customId.startsWith(MORE);
}

/**
 * Creates the handler for More; it never throws. It answers with the next excerpts of that
 * conversation's last question (where the button is, privately when its answer was private),
 * says "No more" when none is left. A conversation it no longer holds is read back from the
 * channel's history; when that fails it says plainly that the conversation has expired.
 */
export function createMoreHandler(
  options: FrontEndDeps & { threads: ThreadStore },
): (interaction: ButtonInteraction) => Promise<void> {
  const { responder, logger, rateLimiter, threads } = options;
  const payloadOf = (answer: Answer) => render(answer, { seedsBaseUrl: options.seedsBaseUrl });
  return async (interaction) => {
    const context = { interaction: interaction.id, user: interaction.user.id };
    const key = interaction.customId.slice(MORE.length);
    const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
    const respond = (payload: DiscordPayload, privately = ephemeral) =>
      interaction.reply({ ...payload, ...(privately ? { flags: MessageFlags.Ephemeral } : {}) });
    try {
      const decision = rateLimiter.take(interaction.user.id);
      if (!decision.allowed)
        return void (await respond(renderRateLimited(decision.retryAfterMs), true));
      let channel: Channel | null = interaction.channel;
      const pick = (where: Channel | null) => {
        const place = placeOf(interaction.guildId, interaction.channelId, where);
        return options.asking?.pick(place).responder ?? responder;
      };
      if (threads.get(key).length === 0) {
        // Forgotten (a restart): the channel's history still holds the question and answer.
        // A key that is the channel's id is the conversation of the whole thread (or DM).
        const whole = key === interaction.channelId;
        const rebuilt = await rebuildFromHistory(interaction, whole, pick, payloadOf, logger);
        if (!rebuilt) {
          return void (await respond(
            { content: EXPIRED, embeds: [], allowedMentions: { parse: [] } },
            true,
          ));
        }
        channel = rebuilt.channel;
        for (const { answer, more } of rebuilt.answers) threads.record(key, answer, more);
      }
      const answer = pick(channel).more(threads.get(key));
      threads.record(key, answer, true);
      await respond(withButtons(payloadOf(answer), answer, null, key));
    } catch (error) {
      logger.error("discord: showing more failed", { ...context, error });
      await respond(renderFailure(), true).catch((again: unknown) => {
        logger.error("discord: could not send the failure reply", { ...context, error: again });
      });
    }
  };
}
