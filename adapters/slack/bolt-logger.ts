import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/index.ts";

function describe(part: unknown): string {
  if (part instanceof Error) return part.stack ?? part.message;
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

/**
 * Routes Bolt's and the Web API client's log lines through citebot's logger, so they are
 * redacted like everything else. Debug lines are dropped: they include request bodies.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const line = (msg: unknown[]) => `slack: ${msg.map(describe).join(" ")}`;
  return {
    debug: () => {},
    info: (...msg: unknown[]) => logger.info(line(msg)),
    warn: (...msg: unknown[]) => logger.warn(line(msg)),
    error: (...msg: unknown[]) => logger.error(line(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
