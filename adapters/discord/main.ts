// `npm run discord`: parse the settings, load the seeds, answer on Discord until a signal.
import {
  ConfigError,
  SeedsError,
  createLogger,
  openEventClaims,
  parseCoreConfig,
  parseStoreConfig,
  redact,
} from "../../src/index.ts";
import { parseHealthPort, startHealthServer, type Health } from "../shared/health.ts";
import { createRateLimiter } from "../shared/rate-limit.ts";
import { loadEnv, openLive } from "../shared/startup.ts";
import { startDiscord, type DiscordBot } from "./bot.ts";
import { parseDiscordConfig } from "./config.ts";

async function main(): Promise<void> {
  loadEnv();
  const core = parseCoreConfig(process.env);
  const discord = parseDiscordConfig(process.env);
  const store = parseStoreConfig(process.env);
  const healthPort = parseHealthPort(process.env);
  const logger = createLogger({ secrets: [discord.token] });
  // A library can reject outside any listener (a failed reconnect): log it, keep answering.
  process.on("unhandledRejection", (error) => logger.error("unhandled rejection", { error }));

  // Probes answer from the start: alive while the index loads, ready once connected.
  let bot: DiscordBot | null = null;
  let loaded = false;
  const check = (): Health =>
    bot?.health() ?? { ready: false, waitingFor: loaded ? ["platform"] : ["index", "platform"] };
  const health =
    healthPort === null ? null : await startHealthServer({ port: healthPort, check, logger });

  // Rebuilt in the background when the seeds change (WATCH_SEEDS), swapped in whole.
  const citebot = await openLive(core, logger);
  loaded = true;
  // With DATABASE_URL, processes on the same shard (a rolling restart) answer each event once.
  const claims = openEventClaims(store, { logger });
  const started = startDiscord({
    claims,
    responder: citebot,
    config: { ...discord, seedsBaseUrl: core.seedsBaseUrl },
    logger,
    rateLimiter: createRateLimiter({ limit: core.rateLimitPerMinute }),
    // Without a gateway the bot cannot answer: exit non-zero so a supervisor restarts it.
    onFatal: (code) => {
      logger.error("discord: cannot reconnect; exiting so a supervisor can restart citebot", {
        code,
      });
      process.exit(1);
    },
  });

  // Listening from here on: a question can arrive before start-up has quite finished, and a
  // signal then must still let its answer complete. A second signal exits at once.
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) process.exit(1);
    signalled = true;
    logger.info(`discord: ${signal} received, shutting down`);
    citebot.close();
    started
      .then((running) => running.stop())
      .then(() => Promise.all([claims.close(), health?.close()]))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error("discord: shutdown failed", { error });
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  bot = await started;
}

main().catch((error: unknown) => {
  // One line a newcomer can act on. The token could only reach it inside a library's error
  // text, so it is redacted all the same.
  const reason = error instanceof Error ? error.message : String(error);
  const expected = error instanceof ConfigError || error instanceof SeedsError;
  const line = expected ? reason.replace(/^citebot: /, "") : `could not start: ${reason}`;
  console.error(redact(`citebot: ${line}`, [process.env["DISCORD_TOKEN"]?.trim()]));
  process.exit(1);
});
