import type { Server } from "node:http";
import { App, HTTPReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import {
  createMemoryClaims,
  type EventClaims,
  type Logger,
  type Responder,
} from "../../src/index.ts";
import { handleHealth, type Health } from "../shared/health.ts";
import type { RateLimiter } from "../shared/rate-limit.ts";
import { toBoltLogger } from "./bolt-logger.ts";
import { createEventClaimer } from "./claim-events.ts";
import type { SlackConfig } from "./config.ts";
import { registerHandlers } from "./handlers.ts";

/** Options for {@link startSlack}. */
export interface StartSlackOptions {
  /** Answers questions; usually the core's Citebot. */
  responder: Responder;
  /** Parsed Slack settings (tokens, mode, port, Web API base). */
  config: SlackConfig;
  /** Receives citebot's and Bolt's log lines (redacting secrets is the logger's job). */
  logger: Logger;
  /** Per-user limit on questions. */
  rateLimiter: RateLimiter;
  /** Base URL citations link to (SEEDS_BASE_URL). Default: unlinked. */
  seedsBaseUrl?: string | null;
  /** Interface the HTTP mode server binds to. Default: all interfaces. */
  host?: string;
  /** Web API retry policy. Default: five retries within about five minutes; tests use `{ retries: 0 }`. */
  retryConfig?: webApi.RetryOptions;
  /** Who answers each event when replicas share a database. Default: claimed in this process. */
  claims?: EventClaims;
  /** Whether the index is loaded, for `/readyz`. Default: always (the responder is built). */
  indexReady?: () => boolean;
  /** How long `stop()` waits for answers in flight before abandoning them. Default 5,000 ms. */
  drainMs?: number;
}

/** A running Slack front end. */
export interface SlackApp {
  /** The HTTP port listened on (HTTP mode), or null in Socket Mode. */
  port: number | null;
  /** Ready once the index is loaded and Slack is connected; with the workspace count. */
  health(): Health;
  /** Stops taking requests, lets answers in flight finish (up to `drainMs`), then disconnects. */
  stop(): Promise<void>;
}

/** Builds the Bolt App for `config.mode`, checks the token with auth.test, and starts it. */
export async function startSlack(options: StartSlackOptions): Promise<SlackApp> {
  const { config, logger } = options;
  const boltLogger = toBoltLogger(logger);
  let connected = false;
  let stopping: Promise<void> | null = null;
  const health = (): Health => {
    const waitingFor = [
      ...(options.indexReady?.() === false ? ["index"] : []),
      ...(connected && !stopping ? [] : ["platform"]),
    ];
    return {
      ready: waitingFor.length === 0,
      waitingFor,
      mode: config.mode,
      workspaces: 1,
      documents: options.responder.documents().length,
    };
  };
  const clientOptions: webApi.WebClientOptions = {
    logger: boltLogger,
    ...(config.apiUrl === null ? {} : { slackApiUrl: config.apiUrl }),
    // The client's own default retries for 30 minutes; an answer that late is no use.
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const receiver =
    config.mode === "socket"
      ? new SocketModeReceiver({
          appToken: config.appToken,
          logger: boltLogger,
          installerOptions: { clientOptions },
        })
      : new HTTPReceiver({
          signingSecret: config.signingSecret,
          logger: boltLogger,
          customRoutes: ["/healthz", "/readyz"].map((path) => ({
            path,
            method: ["GET", "HEAD"],
            handler: (req, res) => void handleHealth(health, req, res),
          })),
        });
  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    deferInitialization: true,
    ...(config.mode === "socket" ? { socketMode: true } : {}),
  });
  // Calls auth.test, so a wrong token fails here, before any connection is opened.
  await app.init();
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  };
  // Every delivery is in flight from its first middleware, so stop() waits for its claim too.
  app.use(async ({ next }) => track(next()));
  // A delivery another replica (or an earlier retry) took goes no further.
  app.use(createEventClaimer(options.claims ?? createMemoryClaims(), logger));
  registerHandlers(app, {
    responder: options.responder,
    logger,
    rateLimiter: options.rateLimiter,
    seedsBaseUrl: options.seedsBaseUrl ?? null,
    // Listeners run inside the tracked middleware above: their work is already counted once.
    track: (work) => work,
  });
  app.error(async (error) => {
    // Last boundary: listeners catch their own failures, so this is Bolt or middleware.
    logger.error("slack: unhandled error", { error });
  });

  let server: Server | null = null;
  if (receiver instanceof SocketModeReceiver) {
    // Not ready while the socket is down: the probe then says so until it reconnects.
    receiver.client.on("connected", () => (connected = true));
    for (const lost of ["reconnecting", "disconnected"]) {
      receiver.client.on(lost, () => (connected = false));
    }
  }
  if (config.mode === "socket") {
    await app.start();
  } else {
    server = (await app.start({ port: config.port, host: options.host })) as Server;
  }
  connected = true;
  const address = server?.address();
  const port = address && typeof address === "object" ? address.port : null;
  logger.info(
    `slack: started in ${config.mode === "socket" ? "Socket Mode" : `HTTP mode on port ${port}`}`,
  );

  const stop = async () => {
    if (server) {
      const closed = app.stop();
      server.closeIdleConnections();
      await drain(inFlight, options.drainMs ?? 5000, logger);
      server.closeAllConnections();
      await closed;
    } else {
      await drain(inFlight, options.drainMs ?? 5000, logger);
      // Bolt's stop() does not wait for the socket to close; disconnect() does.
      await (receiver as SocketModeReceiver).client.disconnect();
    }
    logger.info("slack: stopped");
  };
  return {
    port,
    health,
    stop: () => (stopping ??= stop()),
  };
}

async function drain(inFlight: Set<Promise<unknown>>, ms: number, logger: Logger): Promise<void> {
  if (inFlight.size === 0) return;
  logger.info("slack: waiting for answers in flight", { count: inFlight.size });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  const result = await Promise.race([Promise.allSettled([...inFlight]), timeout]);
  clearTimeout(timer);
  if (result === "timeout") {
    logger.warn("slack: abandoned answers still in flight at shutdown", { count: inFlight.size });
  }
}
