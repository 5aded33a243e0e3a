import type { InstallationStore, webApi } from "@slack/bolt";
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger } from "@slack/bolt";
import { handleHealth, type Health } from "../shared/health.ts";
import type { SlackConfig } from "./config.ts";
import { toOAuthOptions } from "./oauth.ts";
import { MAX_SLACK_BODY_BYTES } from "./request-guard.ts";

/** Bolt's receiver for the configured mode: a Socket Mode connection, or an HTTP server. */
export type SlackReceiver = SocketModeReceiver | HTTPReceiver;

/**
 * Creates the receiver; HTTP mode also answers `/healthz` and `/readyz` from `health`, and in
 * "oauth" mode serves the install flow, keeping installs in `installationStore`.
 */
export function createReceiver(
  config: SlackConfig,
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions,
  health: () => Health,
  installationStore: InstallationStore | null = null,
): SlackReceiver {
  if (config.mode === "socket") {
    return new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      installerOptions: { clientOptions },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret,
    logger,
    ...(config.mode === "oauth" && installationStore
      ? toOAuthOptions(config, installationStore, clientOptions)
      : {}),
    bodyLimit: MAX_SLACK_BODY_BYTES,
    customRoutes: ["/healthz", "/readyz"].map((path) => ({
      path,
      method: ["GET", "HEAD"],
      handler: (req, res) => void handleHealth(health, req, res),
    })),
  });
}
