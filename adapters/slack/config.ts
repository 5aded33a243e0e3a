import { ConfigError, requiredVar, urlVar, type Env } from "../../src/index.ts";

/** Where every Slack configuration error sends the reader. */
export const SLACK_SETUP = 'see "Slack setup" in README.md';

/** Settings of the Slack front end, parsed once at start-up. */
export type SlackConfig = {
  /** Bot User OAuth Token (SLACK_BOT_TOKEN), `xoxb-…`. */
  botToken: string;
  /** Web API base (SLACK_API_URL) ending in `/`, or null for Slack's own. */
  apiUrl: string | null;
} & (
  | {
      /** Socket Mode: an app-level token (SLACK_APP_TOKEN, `xapp-…`) and no public URL. */
      mode: "socket";
      appToken: string;
    }
  | {
      /** HTTP mode: Slack POSTs to `/slack/events` on PORT, signed with SLACK_SIGNING_SECRET. */
      mode: "http";
      signingSecret: string;
      port: number;
    }
);

function prefixed(env: Env, name: string, prefix: string, hint: string): string {
  const value = requiredVar(env, name, hint);
  if (!value.startsWith(prefix)) {
    throw new ConfigError(
      `${name} must start with "${prefix}", got "${value.slice(0, 5)}…"; ${hint}`,
    );
  }
  return value;
}

/** Parses the Slack variables: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode. */
export function parseSlackConfig(env: Env): SlackConfig {
  const botToken = prefixed(
    env,
    "SLACK_BOT_TOKEN",
    "xoxb-",
    `copy the Bot User OAuth Token from your app's "OAuth & Permissions" page (${SLACK_SETUP}).`,
  );
  const base = urlVar(env, "SLACK_API_URL");
  const apiUrl = base === null ? null : `${base}/`;
  if (env["SLACK_APP_TOKEN"]?.trim()) {
    const appToken = prefixed(
      env,
      "SLACK_APP_TOKEN",
      "xapp-",
      `create an app-level token with the connections:write scope under "Basic Information" (${SLACK_SETUP}).`,
    );
    return { mode: "socket", botToken, apiUrl, appToken };
  }
  const signingSecret = requiredVar(
    env,
    "SLACK_SIGNING_SECRET",
    `set SLACK_APP_TOKEN for Socket Mode, or copy the Signing Secret from "Basic Information" for HTTP mode (${SLACK_SETUP}).`,
  );
  const rawPort = env["PORT"]?.trim() || "3000";
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65_535) {
    throw new ConfigError(
      `PORT must be a port number from 0 to 65535, got "${rawPort.slice(0, 20)}" (${SLACK_SETUP}).`,
    );
  }
  const port = Number(rawPort);
  return { mode: "http", botToken, apiUrl, signingSecret, port };
}
