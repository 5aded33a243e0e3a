import { ConfigError } from "../../src/index.ts";
import { SLACK_SETUP, type SlackConfig } from "./config.ts";
import { isUnreachable, unreachableMessage } from "./connect-notice.ts";

/**
 * Turns a failed start into the one line the user needs: a port that is taken or not allowed,
 * an address this machine does not have, or a Web API that never answered, is a setting to fix
 * (a ConfigError, no stack); anything else is a connection to Slack that failed, most often a token.
 */
export function toStartFailure(error: unknown, config: SlackConfig): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const port = config.mode === "socket" ? null : config.port;
  const where = config.host === undefined ? "" : ` on HOST ${config.host}`;
  if (code === "EADDRINUSE") {
    return new ConfigError(
      `PORT ${port} is already in use${where}: another program (or another citebot) listens there; stop it or set PORT to a free port.`,
    );
  }
  if (code === "EACCES") {
    return new ConfigError(
      `not allowed to listen on PORT ${port}${where} (ports below 1024 need privileges); set PORT to 1024 or above.`,
    );
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new ConfigError(
      `HOST ${config.host ?? ""} is not an address of this machine; set HOST to one of its addresses, or leave it empty for all of them.`,
    );
  }
  // No HTTP answer at all: the address or the network, not the tokens.
  if (isUnreachable(error)) return new ConfigError(unreachableMessage(error, config));
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`could not connect to Slack (${reason}); check the tokens (${SLACK_SETUP})`, {
    cause: error,
  });
}
