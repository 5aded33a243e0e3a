import { ConfigError, type Env } from "../../src/index.ts";

/** Default least confidence for answering a help-channel post nobody addressed to citebot. */
export const DEFAULT_HELP_MIN_CONFIDENCE = 0.75;

/** Channels citebot answers without a mention, and how sure it must be to speak there. */
export interface HelpChannels {
  /** Channel ids as the platform writes them (`<PREFIX>_HELP_CHANNELS`). */
  channels: ReadonlySet<string>;
  /** Least confidence (`<PREFIX>_HELP_MIN_CONFIDENCE`, 0–1); below it citebot stays silent. */
  minConfidence: number;
}

/** How one platform names, spells and explains its help-channel settings. */
export interface HelpChannelsSpec {
  /** Variable prefix: `SLACK` reads SLACK_HELP_CHANNELS and SLACK_HELP_MIN_CONFIDENCE. */
  prefix: string;
  /** One channel id as the platform writes it; any other entry is refused. */
  channelId: RegExp;
  /** What the list must hold, as the refusal says it, e.g. `channel IDs (17 to 20 digits)`. */
  ids: string;
  /** How to write the list and where to find an id, e.g. `list channel ids separated by commas, …`. */
  hint: string;
  /** Where the README explains the settings, e.g. `see "Slack setup" in README.md`. */
  readme: string;
}

/**
 * Parses `<PREFIX>_HELP_CHANNELS` and `<PREFIX>_HELP_MIN_CONFIDENCE` as `spec` describes them.
 * Names (`#help`) and links are refused with the fix, since the platforms' events carry channel
 * ids only and a name would never match.
 */
export function parseHelpChannels(env: Env, spec: HelpChannelsSpec): HelpChannels {
  const channelsVar = `${spec.prefix}_HELP_CHANNELS`;
  const confidenceVar = `${spec.prefix}_HELP_MIN_CONFIDENCE`;
  const listed = (env[channelsVar] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of listed) {
    if (!spec.channelId.test(id)) {
      throw new ConfigError(
        `${channelsVar} must hold ${spec.ids}, and "${id.slice(0, 40)}" is not one: ${spec.hint}; ${spec.readme}.`,
      );
    }
  }
  const raw = env[confidenceVar]?.trim();
  const minConfidence = raw ? Number(raw) : DEFAULT_HELP_MIN_CONFIDENCE;
  if (raw && !(/^\d*\.?\d+$/.test(raw) && minConfidence <= 1)) {
    throw new ConfigError(
      `${confidenceVar} must be a number from 0 to 1 such as 0.75, got "${raw.slice(0, 20)}"; higher means citebot speaks in help channels only when surer (${spec.readme}).`,
    );
  }
  return { channels: new Set(listed), minConfidence };
}
