import type { Logger } from "../../src/index.ts";
import type { SlackConfig } from "./config.ts";

/** Slack's own Web API base, when SLACK_API_URL is not set. */
const SLACK_API = "https://slack.com/api/";

/**
 * Runs `work` (a start-up step that reaches Slack) and, if it has not settled after `afterMs`,
 * logs one warning saying what citebot is waiting for and what to check: the Web API client and
 * the Socket Mode client both retry for minutes without a word of their own.
 */
export async function noticeIfSlow<T>(
  work: Promise<T>,
  step: "web-api" | "socket",
  config: SlackConfig,
  logger: Logger,
  afterMs: number,
): Promise<T> {
  const timer = setTimeout(() => logger.warn(slowMessage(step, config, afterMs)), afterMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}

function slowMessage(step: "web-api" | "socket", config: SlackConfig, afterMs: number): string {
  const seconds = Math.round(afterMs / 1000);
  if (step === "web-api") {
    const where = config.apiUrl ?? SLACK_API;
    const setting = config.apiUrl === null ? "" : " (SLACK_API_URL)";
    return `slack: no answer from Slack's Web API at ${where}${setting} after ${seconds} s; still retrying, for up to about 5 minutes. Check that this machine can reach it${config.apiUrl === null ? "" : " and that SLACK_API_URL is right"}.`;
  }
  return `slack: Socket Mode is not connected after ${seconds} s; still retrying. Check that this machine can open a websocket to Slack (wss-primary.slack.com, port 443) and that SLACK_APP_TOKEN is the app-level token.`;
}

/** Whether a failed start is a Web API request that never got an answer (no HTTP status). */
export function isUnreachable(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "slack_webapi_request_error";
}

/** The one line for a Web API that could not be reached at all. */
export function unreachableMessage(error: unknown, config: SlackConfig): string {
  const reason = deepestReason((error as { original?: unknown }).original ?? error);
  const where = config.apiUrl ?? SLACK_API;
  return config.apiUrl === null
    ? `could not reach Slack's Web API at ${where} (${reason}); check this machine's network and proxy settings.`
    : `could not reach Slack's Web API at ${where} (${reason}); check SLACK_API_URL (leave it empty for Slack itself) and the network.`;
}

/**
 * Follows a Socket Mode client once it has first connected: a lost connection is one warning and
 * its return one line, and `connected()` says which holds now (for `/readyz`).
 */
export function watchSocketMode(
  client: { on(event: string, listener: () => void): unknown },
  logger: Logger,
  stopping: () => boolean,
): { connected(): boolean } {
  let up = true;
  let seen = false;
  client.on("connected", () => {
    if (seen && !up) logger.info("slack: Socket Mode reconnected");
    seen = true;
    up = true;
  });
  // "close" comes at once; "reconnecting" only after the client's back-off (5 s and more).
  for (const lost of ["close", "reconnecting", "disconnected"]) {
    client.on(lost, () => {
      if (seen && up && !stopping())
        logger.warn(
          "slack: Socket Mode connection lost; reconnecting, answering resumes once it is back",
        );
      up = false;
    });
  }
  return { connected: () => up };
}

/** The innermost system code (ECONNREFUSED, ENOTFOUND, …) along an error's causes, else its message. */
function deepestReason(error: unknown): string {
  let reason = error instanceof Error ? error.message : String(error);
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) reason = code;
    e = cause;
  }
  return reason;
}
