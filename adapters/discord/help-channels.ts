import type { Env } from "../../src/index.ts";
import {
  parseHelpChannels as parseFor,
  type HelpChannels,
  type HelpChannelsSpec,
} from "../shared/help-channels.ts";

export type { HelpChannels } from "../shared/help-channels.ts";

/** DISCORD_HELP_CHANNELS: text and forum channel ids, snowflakes of 17 to 20 digits. */
export const DISCORD_HELP: HelpChannelsSpec = {
  prefix: "DISCORD",
  channelId: /^\d{17,20}$/,
  ids: "channel IDs (17 to 20 digits)",
  hint: "list channel IDs separated by commas, e.g. 123456789012345678,234567890123456789 (with Developer Mode on, right-click a channel → Copy Channel ID)",
  readme: 'see "Discord setup" in README.md',
};

/** Parses DISCORD_HELP_CHANNELS and DISCORD_HELP_MIN_CONFIDENCE; a channel name is refused. */
export function parseHelpChannels(env: Env): HelpChannels {
  return parseFor(env, DISCORD_HELP);
}
