import type { Server } from "node:http";
import type { SocketModeReceiver } from "@slack/bolt";
import { App, HTTPReceiver, webApi, type InstallationStore } from "@slack/bolt";
import type { Logger } from "../../src/index.ts";
import type { Health } from "../shared/health.ts";
import type { InFlight } from "../shared/in-flight.ts";
import { toBoltLogger } from "./bolt-logger.ts";
import type { SlackConfig } from "./config.ts";
import { createReceiver, type SlackReceiver } from "./receiver.ts";
import { guardSlackRequests } from "./request-guard.ts";

/** Options for {@link createBoltApp}. */
export interface BoltAppOptions {
  /** Parsed Slack settings: the mode picks the receiver, the tokens and Web API base the client. */
  config: SlackConfig;
  /** Where Bolt's own log lines and refused requests are logged. */
  logger: Logger;
  /** Web API retry policy. Default: five retries within about five minutes. */
  retryConfig?: webApi.RetryOptions | undefined;
  /** Serves the HTTP mode's `/healthz` and `/readyz`. */
  health: () => Health;
  /** Where OAuth installs are kept ("oauth" mode); null otherwise. */
  installationStore: InstallationStore | null;
}

/** The Bolt App for `config.mode` and its receiver, not yet checked (auth.test) or started. */
export function createBoltApp(options: BoltAppOptions): { app: App; receiver: SlackReceiver } {
  const { config, health, installationStore } = options;
  const logger = toBoltLogger(options.logger);
  const clientOptions: webApi.WebClientOptions = {
    logger,
    ...(config.apiUrl === null ? {} : { slackApiUrl: config.apiUrl }),
    // The client's own default retries for 30 minutes; an answer that late is no use.
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const receiver = createReceiver(config, logger, clientOptions, health, installationStore);
  if (receiver instanceof HTTPReceiver && config.mode !== "socket") {
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: config.signingSecret,
      logger: options.logger,
      endpoints: ["/slack/events"],
    });
  }
  const app = new App({
    // Many workspaces: no token of its own; Bolt looks each workspace's up in the store.
    ...(config.mode === "oauth" ? {} : { token: config.botToken }),
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
    ...(config.mode === "socket" ? { socketMode: true } : {}),
  });
  return { app, receiver };
}

/** Stops Bolt once the answers in flight are done (or `drainMs` passed), then disconnects. */
export async function stopBoltApp(
  app: App,
  receiver: SlackReceiver,
  server: Server | null,
  inFlight: InFlight,
  drainMs: number,
): Promise<void> {
  if (server) {
    const closed = app.stop();
    server.closeIdleConnections();
    await inFlight.drain(drainMs);
    server.closeAllConnections();
    await closed;
  } else {
    await inFlight.drain(drainMs);
    // Bolt's stop() does not wait for the socket to close; disconnect() does.
    await (receiver as SocketModeReceiver).client.disconnect();
  }
}
