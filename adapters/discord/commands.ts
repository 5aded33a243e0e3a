import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  Routes,
  type REST,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import { ADMIN_COMMAND } from "./admin.ts";
import { ASK_MESSAGE_COMMAND } from "./context-menu.ts";

/**
 * The slash commands and the message command, exactly as registered; the whole set is
 * replaced on each start.
 */
export const COMMANDS: RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    type: ApplicationCommandType.ChatInput,
    name: "ask",
    description: "Ask a question; the answer quotes the documents with sources",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "question",
        description: "What you want to know",
        required: true,
        max_length: 1000,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: "private",
        description: "Only you see the answer",
        required: false,
      },
    ],
  },
  {
    type: ApplicationCommandType.ChatInput,
    name: "sources",
    description: "List the documents the answers come from",
  },
  { type: ApplicationCommandType.ChatInput, name: "help", description: "How to ask citebot" },
  ADMIN_COMMAND,
  ASK_MESSAGE_COMMAND,
];

/**
 * What the bot needs in a channel: see it, read the message it replies to (Discord refuses a
 * reply without Read Message History), open a thread on a question, answer in channels and
 * threads, and show embeds.
 */
export const PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks;

/** The invite link with exactly the scopes and permissions citebot needs. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

/**
 * Registers the commands with one PUT, which replaces the set: running it again changes
 * nothing. In a guild they appear at once; globally they also work in DMs.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null,
): Promise<void> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: COMMANDS });
}
