import { describe, expect, test } from "vitest";
import { ConfigError } from "../../src/index.ts";
import { parseDiscordConfig } from "../../adapters/discord/config.ts";
import { COMMANDS, PERMISSIONS, inviteUrl } from "../../adapters/discord/commands.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789_-";

describe("parseDiscordConfig", () => {
  test("reads the token, guild and API URL", () => {
    expect(
      parseDiscordConfig({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_GUILD_ID: "123456789012345678",
        DISCORD_API_URL: "http://127.0.0.1:9999/api/",
      }),
    ).toEqual({
      token: TOKEN,
      guildId: "123456789012345678",
      apiUrl: "http://127.0.0.1:9999/api",
      messageContent: false,
      help: { channels: new Set(), minConfidence: 0.75 },
    });
  });

  test("guild and API URL are optional", () => {
    expect(parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "" })).toEqual({
      token: TOKEN,
      guildId: null,
      apiUrl: null,
      messageContent: false,
      help: { channels: new Set(), minConfidence: 0.75 },
    });
  });

  test.each([
    ["a missing token", {}, /^DISCORD_TOKEN is not set: copy the bot token/],
    [
      "a token with a space",
      { DISCORD_TOKEN: "abc def.g.h" },
      /^DISCORD_TOKEN contains white space/,
    ],
    [
      "a token that is not a token",
      { DISCORD_TOKEN: "not-a-token" },
      /^DISCORD_TOKEN does not look like a bot token/,
    ],
    [
      "a guild that is a name",
      { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: "my server" },
      /^DISCORD_GUILD_ID must be a server ID/,
    ],
    [
      "an API URL without a scheme",
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: "localhost:8080" },
      /^DISCORD_API_URL must be an http\(s\) URL/,
    ],
    [
      "an API URL that is not http",
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: "ftp://x.test" },
      /^DISCORD_API_URL must be an http\(s\) URL/,
    ],
  ])("%s names the variable and points at the README", (_name, env, message) => {
    let error: unknown;
    try {
      parseDiscordConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('"Discord setup" in README.md');
  });

  test("a malformed token is never echoed", () => {
    const secret = "secret-value-that-is-not-a-token";
    expect(() => parseDiscordConfig({ DISCORD_TOKEN: secret })).toThrow(/DISCORD_TOKEN/);
    try {
      parseDiscordConfig({ DISCORD_TOKEN: secret });
    } catch (e) {
      expect((e as Error).message).not.toContain(secret);
    }
  });
});

describe("commands", () => {
  test("the invite asks for the bot and command scopes and only the permissions used", () => {
    const url = new URL(inviteUrl("123456789012345678"));
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    // View Channels, Send Messages, Send Messages in Threads, Create Public Threads, Embed
    // Links, Read Message History.
    expect(url.searchParams.get("permissions")).toBe(
      String(1024 + 2048 + 274877906944 + 34359738368 + 16384 + 65536),
    );
    expect(PERMISSIONS).toBe(309237730304n);
  });

  test("/ask takes a required question and an optional private switch", () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([
      "ask",
      "sources",
      "help",
      "citebot",
      "Ask citebot",
    ]);
    const [ask] = COMMANDS;
    const options = ask && "options" in ask ? ask.options : undefined;
    expect(options?.map((o) => [o.name, o.type, o.required])).toEqual([
      ["question", 3, true],
      ["private", 5, false],
    ]);
  });

  test("DISCORD_MESSAGE_CONTENT turns on answering unmentioned replies in citebot's threads", () => {
    expect(
      parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_MESSAGE_CONTENT: "true" }).messageContent,
    ).toBe(true);
    expect(() =>
      parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_MESSAGE_CONTENT: "maybe" }),
    ).toThrow(/DISCORD_MESSAGE_CONTENT/);
  });

  test("DISCORD_HELP_CHANNELS takes channel IDs and DISCORD_HELP_MIN_CONFIDENCE a share", () => {
    const help = parseDiscordConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_HELP_CHANNELS: " 123456789012345678, 234567890123456789 ,",
      DISCORD_HELP_MIN_CONFIDENCE: "0.9",
    }).help;
    expect(help).toEqual({
      channels: new Set(["123456789012345678", "234567890123456789"]),
      minConfidence: 0.9,
    });
  });

  test.each([
    [{ DISCORD_HELP_CHANNELS: "#help" }, /DISCORD_HELP_CHANNELS must hold channel IDs.*"#help"/],
    [{ DISCORD_HELP_CHANNELS: "12345" }, /Copy Channel ID/],
    [
      { DISCORD_HELP_MIN_CONFIDENCE: "1.5" },
      /DISCORD_HELP_MIN_CONFIDENCE must be a number from 0 to 1/,
    ],
    [{ DISCORD_HELP_MIN_CONFIDENCE: "high" }, /got "high"/],
    [{ DISCORD_HELP_MIN_CONFIDENCE: "-0.2" }, /from 0 to 1/],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => parseDiscordConfig({ DISCORD_TOKEN: TOKEN, ...env })).toThrow(ConfigError);
    expect(() => parseDiscordConfig({ DISCORD_TOKEN: TOKEN, ...env })).toThrow(message);
  });
});
