import { ConfigError, type Env } from "../../src/index.ts";

/** Default least confidence for answering a help-channel post nobody addressed to citebot. */
export const DEFAULT_HELP_MIN_CONFIDENCE = 0.75;

/** Channels citebot answers without a mention, and how sure it must be to speak there. */
export interface HelpChannels {
  /** Text and forum channel ids (DISCORD_HELP_CHANNELS). */
  channels: ReadonlySet<string>;
  /** Least confidence (DISCORD_HELP_MIN_CONFIDENCE, 0–1); below it citebot stays silent. */
  minConfidence: number;
}

const CHANNEL_ID = /^\d{17,20}$/;
const HINT =
  'list channel IDs separated by commas, e.g. 123456789012345678,234567890123456789 (with Developer Mode on, right-click a channel → Copy Channel ID); see "Discord setup" in README.md';

/**
 * Parses DISCORD_HELP_CHANNELS and DISCORD_HELP_MIN_CONFIDENCE. Names (`#help`) and links are
 * refused with the fix, since messages carry channel ids only and a name would never match.
 */
export function parseHelpChannels(env: Env): HelpChannels {
  const listed = (env["DISCORD_HELP_CHANNELS"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of listed) {
    if (!CHANNEL_ID.test(id)) {
      throw new ConfigError(
        `DISCORD_HELP_CHANNELS must hold channel IDs (17 to 20 digits), and "${id.slice(0, 40)}" is not one: ${HINT}.`,
      );
    }
  }
  const raw = env["DISCORD_HELP_MIN_CONFIDENCE"]?.trim();
  const minConfidence = raw ? Number(raw) : DEFAULT_HELP_MIN_CONFIDENCE;
  if (raw && !(/^\d*\.?\d+$/.test(raw) && minConfidence <= 1)) {
    throw new ConfigError(
      `DISCORD_HELP_MIN_CONFIDENCE must be a number from 0 to 1 such as 0.75, got "${raw.slice(0, 20)}"; higher means citebot speaks in help channels only when surer (see "Discord setup" in README.md).`,
    );
  }
  return { channels: new Set(listed), minConfidence };
}
