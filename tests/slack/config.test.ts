import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/index.ts";
import { DEFAULT_SCOPES, parseSlackConfig } from "../../adapters/slack/config.ts";

const BOT = "xoxb-1-2-abc";
const APP = "xapp-1-A-2-def";
const OAUTH = {
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_STATE_SECRET: "0123456789abcdef0123",
  SLACK_SIGNING_SECRET: "s3cr3t",
};

describe("parseSlackConfig", () => {
  it("names a wrong-prefix token without printing any of its characters", () => {
    const token = "xoxp-77777-secretuser";
    let message = "";
    try {
      parseSlackConfig({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: "s3cr3t" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^SLACK_BOT_TOKEN must start with "xoxb-"/);
    expect(message).not.toContain("xoxp");
    expect(message).not.toContain("77777");
  });

  it.each([
    ["no variables", {}, /SLACK_BOT_TOKEN is not set/],
    [
      "an app token as the bot token",
      { SLACK_BOT_TOKEN: APP },
      /SLACK_BOT_TOKEN must start with "xoxb-"/,
    ],
    [
      "a bot token as the app token",
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT },
      /SLACK_APP_TOKEN must start with "xapp-"/,
    ],
    [
      "HTTP mode without a signing secret",
      { SLACK_BOT_TOKEN: BOT },
      /SLACK_SIGNING_SECRET is not set/,
    ],
    [
      "a port that is not a number",
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "s3cr3t", PORT: "http" },
      /PORT must be a port number/,
    ],
    [
      "a port out of range",
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "s3cr3t", PORT: "70000" },
      /PORT must be/,
    ],
    ["a token with a space", { SLACK_BOT_TOKEN: "xoxb-1 2" }, /white space/],
    [
      "OAuth installs without a state secret",
      { ...OAUTH, SLACK_STATE_SECRET: "" },
      /SLACK_STATE_SECRET is not set/,
    ],
    [
      "OAuth installs with a short state secret",
      { ...OAUTH, SLACK_STATE_SECRET: "short" },
      /SLACK_STATE_SECRET must be at least 16/,
    ],
    ["OAuth installs and a bot token", { ...OAUTH, SLACK_BOT_TOKEN: BOT }, /both set/],
    ["OAuth installs in Socket Mode", { ...OAUTH, SLACK_APP_TOKEN: APP }, /needs HTTP mode/],
    [
      "OAuth installs without a client secret",
      { ...OAUTH, SLACK_CLIENT_SECRET: " " },
      /SLACK_CLIENT_SECRET is not set/,
    ],
  ])("rejects %s, naming the variable and the README section", (_name, env, message) => {
    const parse = () => parseSlackConfig(env);
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(message);
    expect(parse).toThrow(/Slack setup/);
  });

  it("never echoes a whole token in an error", () => {
    expect(() => parseSlackConfig({ SLACK_BOT_TOKEN: "xapp-very-secret-value" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("very-secret") }),
    );
  });

  it("picks Socket Mode when an app token is set", () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toEqual({
      mode: "socket",
      botToken: BOT,
      appToken: APP,
      apiUrl: null,
    });
  });

  it("picks HTTP mode on port 3000 by default, and reads PORT and SLACK_API_URL", () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "s3cr3t" })).toEqual({
      mode: "http",
      botToken: BOT,
      signingSecret: "s3cr3t",
      port: 3000,
      apiUrl: null,
    });
    const env = {
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: "s",
      PORT: "8080",
      SLACK_API_URL: "https://slack-gov.com/api",
    };
    expect(parseSlackConfig(env)).toMatchObject({
      port: 8080,
      apiUrl: "https://slack-gov.com/api/",
    });
  });

  it("picks OAuth installs for many workspaces when SLACK_CLIENT_ID is set, no bot token needed", () => {
    expect(parseSlackConfig({ ...OAUTH, SLACK_SCOPES: "chat:write, commands" })).toEqual({
      mode: "oauth",
      clientId: "1111.2222",
      clientSecret: "client-secret",
      stateSecret: "0123456789abcdef0123",
      signingSecret: "s3cr3t",
      port: 3000,
      scopes: ["chat:write", "commands"],
      apiUrl: null,
    });
    expect(parseSlackConfig(OAUTH)).toMatchObject({ scopes: DEFAULT_SCOPES });
  });

  it("rejects a Web API base that is not http(s)", () => {
    expect(() =>
      parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: "ftp://x" }),
    ).toThrow(/SLACK_API_URL/);
  });

  it("reads help channels and their stricter threshold (default 0.75)", () => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP };
    expect(parseSlackConfig(env)).not.toHaveProperty("help");
    const help = parseSlackConfig({ ...env, SLACK_HELP_CHANNELS: "C0123ABCD, G0456EFGH" }).help;
    expect(help).toEqual({ channels: new Set(["C0123ABCD", "G0456EFGH"]), minConfidence: 0.75 });
    const strict = { ...env, SLACK_HELP_CHANNELS: "C1X", SLACK_HELP_MIN_CONFIDENCE: "0.9" };
    expect(parseSlackConfig(strict).help?.minConfidence).toBe(0.9);
  });

  it.each([
    [
      { SLACK_HELP_CHANNELS: "#help" },
      /SLACK_HELP_CHANNELS must hold channel ids, and "#help".*C0123ABCD/,
    ],
    [{ SLACK_HELP_CHANNELS: "C1X,https://x.slack.com/archives/C1" }, /SLACK_HELP_CHANNELS/],
    [
      { SLACK_HELP_MIN_CONFIDENCE: "high" },
      /SLACK_HELP_MIN_CONFIDENCE must be a number from 0 to 1.*"high"/,
    ],
    [{ SLACK_HELP_MIN_CONFIDENCE: "1.5" }, /SLACK_HELP_MIN_CONFIDENCE/],
  ])("refuses %j with a message naming the fix", (extra, message) => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, ...extra };
    expect(() => parseSlackConfig(env)).toThrow(message);
  });
});
