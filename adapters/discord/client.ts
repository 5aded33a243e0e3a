import { Client, GatewayIntentBits, Partials, type ClientOptions } from "discord.js";

/**
 * A client with exactly the intents citebot needs: guild messages (Discord fills in the
 * content of those that mention the bot, so the privileged Message Content intent is needed
 * only for replies without a mention in citebot's threads) and DMs (which arrive on uncached
 * channels, hence `Partials.Channel`).
 */
export function createDiscordClient(
  apiUrl: string | null,
  extra: Partial<ClientOptions> = {},
  messageContent = false,
): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      ...(messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    failIfNotExists: false,
    ...extra,
    rest: { ...extra.rest, ...(apiUrl ? { api: apiUrl } : {}) },
  });
}
