import { ConfigError, requiredVar, urlVar, type Env } from "../../src/index.ts";
import { parseHelpChannels, type HelpChannels } from "./help-channels.ts";

/** Where every Slack configuration error sends the reader. */
export const SLACK_SETUP = 'see "Slack setup" in README.md';

/** The bot scopes an OAuth install asks for: those of manifest.yml. */
export const DEFAULT_SCOPES = [
  "app_mentions:read",
  "channels:history",
  "chat:write",
  "commands",
  "groups:history",
  "im:history",
];

/** Settings of the Slack front end, parsed once at start-up. */
export type SlackConfig = {
  /** Web API base (SLACK_API_URL) ending in `/`, or null for Slack's own. */
  apiUrl: string | null;
  /** Interface the HTTP server binds to (HOST); absent = all interfaces. */
  host?: string;
  /** Channels answered without a mention (SLACK_HELP_CHANNELS); absent = none. */
  help?: HelpChannels;
} & (
  | {
      /** Socket Mode: an app-level token (SLACK_APP_TOKEN, `xapp-…`) and no public URL. */
      mode: "socket";
      /** Bot User OAuth Token (SLACK_BOT_TOKEN), `xoxb-…`. */
      botToken: string;
      appToken: string;
    }
  | {
      /** HTTP mode: Slack POSTs to `/slack/events` on PORT, signed with SLACK_SIGNING_SECRET. */
      mode: "http";
      botToken: string;
      signingSecret: string;
      port: number;
    }
  | {
      /**
       * HTTP mode for many workspaces (SLACK_CLIENT_ID): installed through `/slack/install`,
       * each workspace answered with its own token from the store.
       */
      mode: "oauth";
      clientId: string;
      clientSecret: string;
      /** Signs the OAuth `state` (SLACK_STATE_SECRET), so a forged redirect is refused. */
      stateSecret: string;
      signingSecret: string;
      port: number;
      /** Bot scopes asked for (SLACK_SCOPES, comma-separated). */
      scopes: string[];
    }
);

function prefixed(env: Env, name: string, prefix: string, hint: string): string {
  const value = requiredVar(env, name, hint);
  if (!value.startsWith(prefix)) {
    throw new ConfigError(
      `${name} must start with "${prefix}", and the value given does not (it is not printed: it may be a secret); ${hint}`,
    );
  }
  return value;
}

/** Parses the Slack variables: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode. */
export function parseSlackConfig(env: Env): SlackConfig {
  const host = env["HOST"]?.trim();
  const help = parseHelpChannels(env);
  const config = { ...parseMode(env), ...(help.channels.size > 0 ? { help } : {}) };
  if (!host) return config;
  if (!/^[\w.:-]+$/.test(host)) {
    throw new ConfigError(
      `HOST must be an address or host name such as 127.0.0.1, ::1 or 0.0.0.0, got "${host.slice(0, 40)}" (${SLACK_SETUP}).`,
    );
  }
  return { ...config, host };
}

function parseMode(env: Env): SlackConfig {
  const oauth = Boolean(env["SLACK_CLIENT_ID"]?.trim());
  const botToken = oauth
    ? ""
    : prefixed(
        env,
        "SLACK_BOT_TOKEN",
        "xoxb-",
        `copy the Bot User OAuth Token from your app's "OAuth & Permissions" page, or set SLACK_CLIENT_ID to be installed in many workspaces (${SLACK_SETUP}).`,
      );
  const base = urlVar(env, "SLACK_API_URL");
  const apiUrl = base === null ? null : `${base}/`;
  if (env["SLACK_APP_TOKEN"]?.trim()) {
    if (oauth) {
      throw new ConfigError(
        `SLACK_CLIENT_ID (installs in many workspaces) needs HTTP mode: remove SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET (${SLACK_SETUP}).`,
      );
    }
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
  const port = parsePort(env);
  if (oauth) return parseOAuthConfig(env, apiUrl, signingSecret, port);
  return { mode: "http", botToken, apiUrl, signingSecret, port };
}

function parsePort(env: Env): number {
  const rawPort = env["PORT"]?.trim() || "3000";
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65_535) {
    throw new ConfigError(
      `PORT must be a port number from 0 to 65535, got "${rawPort.slice(0, 20)}" (${SLACK_SETUP}).`,
    );
  }
  return Number(rawPort);
}

/** Many workspaces: the app's client id and secret, a state secret, and no bot token. */
function parseOAuthConfig(
  env: Env,
  apiUrl: string | null,
  signingSecret: string,
  port: number,
): SlackConfig {
  const hint = `copy it from your app's "Basic Information" page (${SLACK_SETUP}).`;
  if (env["SLACK_BOT_TOKEN"]?.trim()) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: use SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to be installed in many (${SLACK_SETUP}).`,
    );
  }
  const stateSecret = requiredVar(
    env,
    "SLACK_STATE_SECRET",
    `set it to a long random string (e.g. openssl rand -hex 32); it signs the OAuth state (${SLACK_SETUP}).`,
  );
  if (stateSecret.length < 16) {
    throw new ConfigError(
      `SLACK_STATE_SECRET must be at least 16 characters (e.g. openssl rand -hex 32) (${SLACK_SETUP}).`,
    );
  }
  const scopes = (env["SLACK_SCOPES"]?.trim() || DEFAULT_SCOPES.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    mode: "oauth",
    apiUrl,
    clientId: requiredVar(env, "SLACK_CLIENT_ID", hint),
    clientSecret: requiredVar(env, "SLACK_CLIENT_SECRET", hint),
    stateSecret,
    signingSecret,
    port,
    scopes,
  };
}
