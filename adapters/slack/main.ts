// Entry point of `npm run slack`: parse configuration, load the seeds, serve Slack until a signal.
import {
  ConfigError,
  createLogger,
  openEventClaims,
  parseCoreConfig,
  parseStoreConfig,
  redact,
  SeedsError,
} from "../../src/index.ts";
import { parseHealthPort, startHealthServer, type Health } from "../shared/health.ts";
import { createRateLimiter } from "../shared/rate-limit.ts";
import { loadEnv, openLive } from "../shared/startup.ts";
import { startSlack, type SlackApp } from "./app.ts";
import { parseSlackConfig, SLACK_SETUP } from "./config.ts";

function redactedMessage(error: unknown): string {
  const env = process.env;
  const secrets = [env["SLACK_BOT_TOKEN"], env["SLACK_APP_TOKEN"], env["SLACK_SIGNING_SECRET"]];
  return redact(error instanceof Error ? error.message : String(error), secrets);
}

async function main(): Promise<void> {
  loadEnv();
  const core = parseCoreConfig(process.env);
  const slack = parseSlackConfig(process.env);
  const store = parseStoreConfig(process.env);
  const healthPort = parseHealthPort(process.env);
  const secrets = [slack.botToken, slack.mode === "socket" ? slack.appToken : slack.signingSecret];
  const logger = createLogger({ secrets });
  // Libraries sometimes reject outside any listener (a failed reconnect); log it, keep serving.
  process.on("unhandledRejection", (error) => logger.error("unhandled rejection", { error }));

  // HTTP mode answers the probes on its own port once started; Socket Mode has no server, so
  // it gets one, from the start: alive while the index loads, ready once connected.
  let app: SlackApp | null = null;
  let loaded = false;
  const check = (): Health =>
    app?.health() ?? { ready: false, waitingFor: loaded ? ["platform"] : ["index", "platform"] };
  const health =
    slack.mode === "socket" && healthPort !== null
      ? await startHealthServer({ port: healthPort, check, logger })
      : null;

  // Rebuilt in the background when the seeds change (WATCH_SEEDS), swapped in whole.
  const citebot = await openLive(core, logger);
  loaded = true;

  // With DATABASE_URL, replicas claim each event in the shared database and answer it once.
  const claims = openEventClaims(store, { logger });
  try {
    app = await startSlack({
      responder: citebot,
      config: slack,
      logger,
      rateLimiter: createRateLimiter({ limit: core.rateLimitPerMinute }),
      seedsBaseUrl: core.seedsBaseUrl,
      claims,
    });
  } catch (error) {
    logger.error(`could not connect to Slack; check the tokens (${SLACK_SETUP})`, { error });
    process.exit(1);
  }

  const running = app;
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info(`${signal} received, stopping`);
    running
      .stop()
      .then(() => Promise.all([claims.close(), health?.close()]))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error("stopping failed", { error });
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  // Configuration and seed problems are the user's to fix: one clear line, no stack.
  if (error instanceof ConfigError || error instanceof SeedsError) {
    console.error(
      error.message.startsWith("citebot:") ? error.message : `citebot: ${error.message}`,
    );
  } else {
    console.error("citebot: could not start the Slack app:", redactedMessage(error));
  }
  process.exit(1);
});
