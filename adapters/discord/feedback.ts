import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Answer, Logger, QuestionLog } from "../../src/index.ts";
import type { DiscordPayload } from "./render.ts";

const VOTE = "citebot:vote:";
const REASON = "citebot:why:";
const REASON_FIELD = "reason";
/** Longest reason kept; enough for a sentence or two. */
export const MAX_REASON = 300;

/** The 👍 / 👎 buttons under an answer; their ids carry the logged question's id. */
export function feedbackRow(
  questionId: string,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `${VOTE}up:${questionId}`,
        emoji: { name: "👍" },
        label: "Helpful",
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `${VOTE}down:${questionId}`,
        emoji: { name: "👎" },
        label: "Not helpful",
      },
    ],
  };
}

/** The payload with feedback buttons, when the answer was logged and is worth a vote. */
export function withFeedback(
  payload: DiscordPayload,
  answer: Answer,
  questionId: string | null,
): DiscordPayload & { components?: APIActionRowComponent<APIComponentInMessageActionRow>[] } {
  if (!questionId || (answer.kind !== "cited" && answer.kind !== "not_found")) return payload;
  return { ...payload, components: [feedbackRow(questionId)] };
}

/** True for the custom ids of citebot's feedback buttons and reason modal. */
export function isFeedback(customId: string): boolean {
  return customId.startsWith(VOTE) || customId.startsWith(REASON);
}

/**
 * Creates the handler for the feedback buttons and the reason modal; it never throws. A 👎 is
 * recorded at once and opens an optional reason; submitting it records the vote again with it.
 */
export function createFeedbackHandler(options: {
  log: QuestionLog | null;
  logger: Logger;
}): (interaction: ButtonInteraction | ModalSubmitInteraction) => Promise<void> {
  const { log, logger } = options;
  const thanks = { content: "Thanks for the feedback.", flags: MessageFlags.Ephemeral } as const;
  return async (interaction) => {
    const context = { interaction: interaction.id, user: interaction.user.id };
    try {
      const id = interaction.customId;
      if (!log) {
        await interaction.reply({
          content: "Feedback is not being recorded here.",
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      if (interaction.isModalSubmit()) {
        const questionId = id.slice(REASON.length);
        const reason = interaction.fields.getTextInputValue(REASON_FIELD).slice(0, MAX_REASON);
        log.vote({ questionId, platform: "discord", user: interaction.user.id, vote: -1, reason });
        await interaction.reply(thanks);
        return;
      }
      const [direction, questionId = ""] = id.slice(VOTE.length).split(":");
      const vote = direction === "up" ? 1 : -1;
      log.vote({ questionId, platform: "discord", user: interaction.user.id, vote });
      if (vote === 1) {
        await interaction.reply(thanks);
        return;
      }
      await interaction.showModal({
        custom_id: `${REASON}${questionId}`,
        title: "What was wrong with the answer?",
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.TextInput,
                custom_id: REASON_FIELD,
                label: "Reason (optional)",
                style: TextInputStyle.Paragraph,
                required: false,
                max_length: MAX_REASON,
              },
            ],
          },
        ],
      });
    } catch (error) {
      logger.error("discord: recording feedback failed", { ...context, error });
    }
  };
}
