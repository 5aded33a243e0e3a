import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/index.ts";
import { DISCORD_HELP } from "../../adapters/discord/help-channels.ts";
import { SLACK_HELP } from "../../adapters/slack/help-channels.ts";
import {
  DEFAULT_HELP_MIN_CONFIDENCE,
  parseHelpChannels,
  type HelpChannelsSpec,
} from "../../adapters/shared/help-channels.ts";

/** A made-up platform: everything a refusal says comes from the spec. */
const CHAT: HelpChannelsSpec = {
  prefix: "CHAT",
  channelId: /^ch-\d+$/,
  ids: "chat ids",
  hint: "list ids such as ch-1,ch-2",
  readme: 'see "Chat setup" in README.md',
};

/** The specs by prefix, so each table row names its platform. */
const SPECS: Record<string, HelpChannelsSpec> = { DISCORD: DISCORD_HELP, SLACK: SLACK_HELP, CHAT };
const spec = (prefix: string): HelpChannelsSpec => SPECS[prefix] ?? CHAT;

describe("parseHelpChannels reads the list each spec describes", () => {
  it.each([
    // Spaces around entries and empty entries (a trailing comma) are dropped.
    [
      "DISCORD",
      " 123456789012345678, 234567890123456789 ,",
      ["123456789012345678", "234567890123456789"],
    ],
    ["SLACK", "C0123ABCD,G0456EFGH", ["C0123ABCD", "G0456EFGH"]],
    // A channel listed twice is one channel.
    ["CHAT", "ch-1,ch-2,ch-1", ["ch-1", "ch-2"]],
    ["CHAT", " , ", []],
    ["SLACK", undefined, []],
  ])("%s_HELP_CHANNELS=%j → %j", (prefix, value, channels) => {
    const env = value === undefined ? {} : { [`${prefix}_HELP_CHANNELS`]: value };
    expect(parseHelpChannels(env, spec(prefix))).toEqual({
      channels: new Set(channels),
      minConfidence: DEFAULT_HELP_MIN_CONFIDENCE,
    });
  });

  it.each([
    // Only what the spec says changes from one platform to the next.
    [
      "CHAT",
      "#help",
      'CHAT_HELP_CHANNELS must hold chat ids, and "#help" is not one: list ids such as ch-1,ch-2; see "Chat setup" in README.md.',
    ],
    // A link (or a name) never matches, since events carry ids only.
    [
      "SLACK",
      "C1X,https://x.slack.com/archives/C1",
      /^SLACK_HELP_CHANNELS must hold channel ids, and "https:\/\/x.slack.com\/archives\/C1" is not one: .*"About" tab\); see "Slack setup" in README\.md\.$/,
    ],
    ["SLACK", "c0123abcd", /"c0123abcd" is not one/],
    [
      "DISCORD",
      "12345",
      /^DISCORD_HELP_CHANNELS must hold channel IDs \(17 to 20 digits\), and "12345" is not one: .*Copy Channel ID\); see "Discord setup" in README\.md\.$/,
    ],
    // A long entry is quoted only in part.
    ["DISCORD", "9".repeat(60), `"${"9".repeat(40)}" is not one`],
  ])("%s_HELP_CHANNELS=%j is refused: %s", (prefix, value, message) => {
    const parse = () => parseHelpChannels({ [`${prefix}_HELP_CHANNELS`]: value }, spec(prefix));
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(message);
  });
});

describe.each(Object.keys(SPECS))("%s_HELP_MIN_CONFIDENCE", (prefix) => {
  const variable = `${prefix}_HELP_MIN_CONFIDENCE`;
  const parse = (raw: string) => parseHelpChannels({ [variable]: raw }, spec(prefix)).minConfidence;

  it.each([
    ["0.9", 0.9],
    [" 1 ", 1],
    ["0", 0],
    [".5", 0.5],
    // Empty is unset: the default, stricter than for questions asked of citebot.
    ["", DEFAULT_HELP_MIN_CONFIDENCE],
    ["  ", DEFAULT_HELP_MIN_CONFIDENCE],
  ])("reads %j as %d", (raw, expected) => {
    expect(parse(raw)).toBe(expected);
  });

  it.each(["1.5", "high", "-0.2", "1e-1", "0.75.", "0x1"])(
    "refuses %j, naming the variable",
    (raw) => {
      expect(() => parse(raw)).toThrow(
        `${variable} must be a number from 0 to 1 such as 0.75, got "${raw}"; higher means citebot speaks in help channels only when surer (${spec(prefix).readme}).`,
      );
    },
  );
});
