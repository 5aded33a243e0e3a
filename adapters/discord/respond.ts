import { MessageFlags, type CommandInteraction } from "discord.js";
import type { DiscordPayload } from "./render.ts";

/**
 * Sends a command's response however far the interaction has got: edits the deferred reply,
 * follows up (privately) after a reply, or replies, privately when `ephemeral`.
 */
export async function respondTo(
  interaction: CommandInteraction,
  payload: DiscordPayload,
  ephemeral: boolean,
): Promise<void> {
  if (interaction.deferred) await interaction.editReply(payload);
  else if (interaction.replied)
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  else
    await interaction.reply({
      ...payload,
      ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    });
}

/**
 * Claims the interaction first when a backlog has eaten most of Discord's 3 s for the first
 * response, so the answer can be edited in afterwards.
 */
export async function deferWhenLate(
  interaction: CommandInteraction,
  deferAfterMs: number,
  ephemeral: boolean,
): Promise<void> {
  if (Date.now() - interaction.createdTimestamp > deferAfterMs) {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }
}
