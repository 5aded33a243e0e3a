import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  MessageFlags,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import {
  readSummary,
  toSummaryLines,
  type Logger,
  type QuestionLog,
  type Responder,
} from "../../src/index.ts";
import { fitEscaped } from "./markdown.ts";
import { renderSources, LIMITS } from "./render.ts";

/**
 * `/citebot report|reload|sources`, for server managers. Discord hides it from members without
 * Manage Server, and the handler checks the permission again on every use.
 */
export const ADMIN_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: "citebot",
  description: "citebot administration (server managers)",
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [0],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "report",
      description: "What people asked in the last 30 days, and what went unanswered",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reload",
      description: "Re-read the seed documents now",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "sources",
      description: "List the documents",
    },
  ],
};

/** What the admin commands need. */
export interface AdminOptions {
  responder: Responder;
  log: QuestionLog | null;
  /** Re-reads the seeds; resolves to the number of documents. */
  reload: () => Promise<number>;
  logger: Logger;
}

const REFUSAL =
  "Sorry, `/citebot` is for server managers (the Manage Server permission). You can still ask me anything with `/ask`.";

/** Creates the `/citebot` handler; it never throws. */
export function createAdminHandler(
  options: AdminOptions,
): (interaction: ChatInputCommandInteraction) => Promise<void> {
  const { responder, log, logger } = options;
  const reply = async (interaction: ChatInputCommandInteraction, content: string) => {
    const payload = { content: content.slice(0, LIMITS.content), allowedMentions: { parse: [] } };
    if (interaction.deferred) await interaction.editReply(payload);
    else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  };
  return async (interaction) => {
    const context = { interaction: interaction.id, user: interaction.user.id };
    try {
      const allowed =
        interaction.inGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
      if (!allowed) return await reply(interaction, REFUSAL);
      const sub = interaction.options.getSubcommand(false);
      if (sub === "sources") {
        await interaction.reply({
          ...renderSources(responder.documents()),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      if (sub === "reload") {
        const documents = await options.reload().catch((error: unknown) => {
          logger.warn("discord: /citebot reload failed", { ...context, error });
          return null;
        });
        return await reply(
          interaction,
          documents === null
            ? "Reload failed; still answering from the previous documents. The bot's log says why."
            : `Reloaded: ${documents} documents.`,
        );
      }
      if (!log)
        return await reply(
          interaction,
          "The question log is off (LOG_QUESTIONS=false), so there is nothing to report.",
        );
      const summary = await readSummary(await log.store(), {
        days: 30,
        documents: responder.documents().map((d) => d.doc),
      });
      const lines = toSummaryLines(summary).map((l) => fitEscaped(l, 400));
      await reply(
        interaction,
        ["**Last 30 days**", ...lines, "Full report: `npm run report -- --out report.html`"].join(
          "\n",
        ),
      );
    } catch (error) {
      logger.error("discord: /citebot failed", { ...context, error });
      await reply(interaction, "Sorry, that did not work; the bot's log says why.").catch(
        () => undefined,
      );
    }
  };
}
