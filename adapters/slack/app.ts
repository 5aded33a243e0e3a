import type { Server } from "node:http";
import { ErrorCode, SocketModeReceiver, type InstallationStore, type webApi } from "@slack/bolt";
import { createMemoryClaims, type EventClaims, type Installations } from "../../src/index.ts";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { Health } from "../shared/health.ts";
import { createInFlight } from "../shared/in-flight.ts";
import { registerAdmin } from "./admin.ts";
import { createBoltApp, stopBoltApp } from "./bolt-app.ts";
import { registerFeedback } from "./feedback.ts";
import { createEventClaimer } from "./claim-events.ts";
import type { SlackConfig } from "./config.ts";
import { registerHandlers } from "./handlers.ts";
import { createSlackMemory } from "./memory.ts";
import { countInstallations, registerUninstall, toInstallationStore } from "./oauth.ts";
import { noticeIfSlow, watchSocketMode } from "./connect-notice.ts";

/** Options for {@link startSlack}. */
export interface StartSlackOptions extends FrontEndDeps {
  /** Parsed Slack settings (tokens, mode, port, Web API base). */
  config: SlackConfig;
  /** Interface the HTTP mode server binds to. Default: all interfaces. */
  host?: string;
  /** Web API retry policy. Default: five retries within about five minutes; tests use `{ retries: 0 }`. */
  retryConfig?: webApi.RetryOptions;
  /** Who answers each event when replicas share a database. Default: claimed in this process. */
  claims?: EventClaims;
  /** Where OAuth installs are kept (required in "oauth" mode; shared by every replica). */
  installations?: Installations;
  /** Whether the index is loaded, for `/readyz`. Default: always (the responder is built). */
  indexReady?: () => boolean;
  /** How long `stop()` waits for answers in flight before abandoning them. Default 5,000 ms. */
  drainMs?: number;
  /** After how long a start-up step still waiting on Slack is logged as a warning. Default 10,000 ms. */
  connectNoticeMs?: number;
  /** Re-reads the seeds for `/citebot reload`; resolves to the number of documents. */
  reload?: () => Promise<number>;
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
  let connected = false;
  let stopping: Promise<void> | null = null;
  let workspaces = config.mode === "oauth" ? 0 : 1;
  const health = (): Health => {
    const waitingFor = [
      ...(options.indexReady?.() === false ? ["index"] : []),
      ...(connected && (socket?.connected() ?? true) && !stopping ? [] : ["platform"]),
    ];
    return {
      ready: waitingFor.length === 0,
      waitingFor,
      mode: config.mode,
      workspaces,
      documents: options.responder.documents().length,
    };
  };
  let installationStore: InstallationStore | null = null;
  if (config.mode === "oauth") {
    const { installations } = options;
    if (!installations) throw new Error('startSlack: "oauth" mode needs options.installations');
    // The count /readyz shows; a failed count keeps the last one (the store logs its own trouble).
    const recount = () =>
      countInstallations(installations).then(
        (n) => void (workspaces = n),
        () => undefined,
      );
    installationStore = toInstallationStore(installations, recount);
    await recount();
  }
  const { retryConfig } = options;
  const { app, receiver } = createBoltApp({
    config,
    logger,
    retryConfig,
    health,
    installationStore,
  });
  const noticeMs = options.connectNoticeMs ?? 10_000;
  // Calls auth.test, so a wrong token fails here, before any connection is opened.
  await noticeIfSlow(app.init(), "web-api", config, options.logger, noticeMs);
  if (installationStore) registerUninstall(app, installationStore, logger);

  const inFlight = createInFlight("slack", logger);
  // Every delivery is in flight from its first middleware, so stop() waits for its claim too.
  app.use(async ({ next }) => inFlight.track(next()));
  // A delivery another replica (or an earlier retry) took goes no further.
  app.use(createEventClaimer(options.claims ?? createMemoryClaims(), logger));
  // Listeners run inside the tracked middleware above: their work is already counted once.
  const conversations = { memory: createSlackMemory(), help: config.help ?? null };
  registerHandlers(app, { ...options, ...conversations, track: (work) => work });
  const log = options.asking?.log ?? null;
  registerFeedback(app, { log, logger: options.logger, track: (work) => work });
  registerAdmin(app, {
    responder: options.responder,
    log,
    reload: options.reload ?? (async () => options.responder.documents().length),
    logger: options.logger,
    track: (work) => work,
  });
  app.error(async (error) => {
    // An event from a workspace that uninstalled citebot (or never installed it) is expected.
    if (error.code === ErrorCode.AuthorizationError && config.mode === "oauth") {
      logger.warn("slack: ignored an event from a workspace citebot is not installed in", {
        reason: error.message,
      });
      return;
    }
    // Last boundary: listeners catch their own failures, so this is Bolt or middleware.
    logger.error("slack: unhandled error", { error });
  });

  // Not ready while the socket is down: the probe then says so until it reconnects.
  const socket =
    receiver instanceof SocketModeReceiver
      ? watchSocketMode(receiver.client, logger, () => stopping !== null)
      : null;
  const server =
    config.mode === "socket"
      ? (await noticeIfSlow(app.start(), "socket", config, options.logger, noticeMs), null)
      : ((await app.start({ port: config.port, host: options.host ?? config.host })) as Server);
  connected = true;
  const address = server?.address();
  const port = address && typeof address === "object" ? address.port : null;
  logger.info(
    `slack: started in ${config.mode === "socket" ? "Socket Mode" : `HTTP mode on port ${port}`}`,
  );

  const stop = async () => {
    await stopBoltApp(app, receiver, server, inFlight, options.drainMs ?? 5000);
    logger.info("slack: stopped");
  };
  return { port, health, stop: () => (stopping ??= stop()) };
}
