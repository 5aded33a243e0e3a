import { ConfigError, type Env } from "../../src/index.ts";

/** Default least confidence for answering a help-channel post nobody addressed to citebot. */
export const DEFAULT_HELP_MIN_CONFIDENCE = 0.75;

/** Channels citebot answers without a mention, and how sure it must be to speak there. */
export interface HelpChannels {
  /** Channel ids (SLACK_HELP_CHANNELS), e.g. `C0123ABCD`. */
  channels: ReadonlySet<string>;
  /** Least confidence (SLACK_HELP_MIN_CONFIDENCE, 0–1); below it citebot stays silent. */
  minConfidence: number;
}

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const HINT =
  'list channel ids separated by commas, e.g. C0123ABCD,C0456EFGH (a channel\'s id is at the bottom of its "About" tab); see "Slack setup" in README.md';

/**
 * Parses SLACK_HELP_CHANNELS and SLACK_HELP_MIN_CONFIDENCE. Names (`#help`) and links are
 * refused with the fix, since the events carry ids only and a name would never match.
 */
export function parseHelpChannels(env: Env): HelpChannels {
  const listed = (env["SLACK_HELP_CHANNELS"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of listed) {
    if (!CHANNEL_ID.test(id)) {
      throw new ConfigError(
        `SLACK_HELP_CHANNELS must hold channel ids, and "${id.slice(0, 40)}" is not one: ${HINT}.`,
      );
    }
  }
  const raw = env["SLACK_HELP_MIN_CONFIDENCE"]?.trim();
  const minConfidence = raw ? Number(raw) : DEFAULT_HELP_MIN_CONFIDENCE;
  if (raw && !(/^\d*\.?\d+$/.test(raw) && minConfidence <= 1)) {
    throw new ConfigError(
      `SLACK_HELP_MIN_CONFIDENCE must be a number from 0 to 1 such as 0.75, got "${raw.slice(0, 20)}"; higher means citebot speaks in help channels only when surer (see "Slack setup" in README.md).`,
    );
  }
  return { channels: new Set(listed), minConfidence };
}
