import { ConfigError, boolVar, requiredVar, urlVar, type Env } from "../../src/index.ts";
import { parseHelpChannels, type HelpChannels } from "./help-channels.ts";

/** Where the README explains every Discord setting, for error messages. */
export const README_DISCORD = 'see "Discord setup" in README.md';

/** Discord settings, parsed once at start-up. */
export interface DiscordConfig {
  /** DISCORD_TOKEN: the bot token from the Developer Portal. Never log it. */
  token: string;
  /** DISCORD_GUILD_ID: register slash commands in this server only (instant); null = global. */
  guildId: string | null;
  /** DISCORD_API_URL: REST base instead of https://discord.com/api (a proxy, the tests). */
  apiUrl: string | null;
  /**
   * DISCORD_MESSAGE_CONTENT: the privileged Message Content intent is switched on in the
   * Developer Portal, so replies in a thread citebot answered need no mention. Default false.
   */
  messageContent?: boolean;
  /**
   * DISCORD_HELP_CHANNELS and DISCORD_HELP_MIN_CONFIDENCE: text and forum channels whose new
   * posts citebot answers unasked, in the post's thread, when sure enough. Default: none.
   */
  help?: HelpChannels;
}

/** Parses the Discord variables; throws ConfigError naming the variable and the fix. */
export function parseDiscordConfig(env: Env): DiscordConfig {
  const token = requiredVar(
    env,
    "DISCORD_TOKEN",
    `copy the bot token from the Bot page of your application in the Discord Developer Portal (${README_DISCORD}).`,
  );
  // A bot token is three dot-separated base64url parts; the value itself is never echoed.
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    throw new ConfigError(
      `DISCORD_TOKEN does not look like a bot token (three parts separated by dots); reset it on the Bot page and paste it again (${README_DISCORD}).`,
    );
  }
  const guild = env["DISCORD_GUILD_ID"]?.trim() || null;
  if (guild !== null && !/^\d{17,20}$/.test(guild)) {
    throw new ConfigError(
      `DISCORD_GUILD_ID must be a server ID (17 to 20 digits), got "${guild.slice(0, 40)}"; copy it with Developer Mode on, or remove it to register commands globally (${README_DISCORD}).`,
    );
  }
  let apiUrl: string | null;
  try {
    apiUrl = urlVar(env, "DISCORD_API_URL");
  } catch {
    // Not echoed: a proxy URL may carry credentials.
    throw new ConfigError(
      `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, or unset (${README_DISCORD}).`,
    );
  }
  const messageContent = boolVar(env, "DISCORD_MESSAGE_CONTENT", false);
  const help = parseHelpChannels(env);
  return { token, guildId: guild, apiUrl, messageContent, help };
}
