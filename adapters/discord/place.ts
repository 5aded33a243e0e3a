import type { Channel } from "discord.js";

/** The place a collection is picked by and a question logged under. */
export interface DiscordPlace {
  platform: "discord";
  server: string | null;
  channel: string;
}

/** The place of a channel; a thread counts as its parent channel (its collection's). */
export function placeOf(server: string | null, channelId: string, channel: Channel | null) {
  const parent = channel?.isThread() ? channel.parentId : null;
  return { platform: "discord", server, channel: parent ?? channelId } satisfies DiscordPlace;
}
