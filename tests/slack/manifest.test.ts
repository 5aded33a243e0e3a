import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = readFileSync(
  new URL("../../adapters/slack/manifest.yml", import.meta.url),
  "utf8",
);

describe("the Slack app manifest matches what the app listens for", () => {
  it.each([
    ["the /ask command", /- command: \/ask\n/],
    ["the /citebot admin command", /- command: \/citebot\n/],
    ["mentions", /bot_events:[\s\S]*- app_mention\n/],
    ["DMs", /bot_events:[\s\S]*- message\.im\n/],
    ["thread replies and help channels", /- message\.channels\n\s+- message\.groups\n/],
    [
      "the Ask citebot message shortcut",
      /shortcuts:\n\s+- name: Ask citebot\n\s+type: message\n\s+callback_id: citebot_ask\n/,
    ],
    ["the share button (interactivity)", /interactivity:\n\s+is_enabled: true/],
    ["Socket Mode on", /socket_mode_enabled: true/],
    ["the DM tab open for messages", /messages_tab_read_only_enabled: false/],
  ])("declares %s", (_what, pattern) => {
    expect(manifest).toMatch(pattern);
  });

  it("asks for exactly the scopes the app uses", () => {
    const scopes = [...manifest.matchAll(/^\s+- ([a-z_.]+:[a-z_.]+|commands)\b/gm)].map(
      (m) => m[1],
    );
    expect(scopes.sort()).toEqual([
      "app_mentions:read",
      "channels:history",
      "chat:write",
      "commands",
      "groups:history",
      "im:history",
      "users:read",
    ]);
  });
});
