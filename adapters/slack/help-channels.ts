import type { Env } from "../../src/index.ts";
import {
  parseHelpChannels as parseFor,
  type HelpChannels,
  type HelpChannelsSpec,
} from "../shared/help-channels.ts";

export type { HelpChannels } from "../shared/help-channels.ts";

/** SLACK_HELP_CHANNELS: public (`C…`) and private (`G…`) channel ids, e.g. `C0123ABCD`. */
export const SLACK_HELP: HelpChannelsSpec = {
  prefix: "SLACK",
  channelId: /^[CG][A-Z0-9]{2,}$/,
  ids: "channel ids",
  hint: 'list channel ids separated by commas, e.g. C0123ABCD,C0456EFGH (a channel\'s id is at the bottom of its "About" tab)',
  readme: 'see "Slack setup" in README.md',
};

/** Parses SLACK_HELP_CHANNELS and SLACK_HELP_MIN_CONFIDENCE; a channel name is refused. */
export function parseHelpChannels(env: Env): HelpChannels {
  return parseFor(env, SLACK_HELP);
}
