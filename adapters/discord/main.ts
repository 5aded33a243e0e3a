// `npm run discord`: parse the settings, load the seeds, answer on Discord until stopped.
import "dotenv/config";
import {
  ConfigError,
  createLogger,
  createRateLimiter,
  openCitebot,
  parseCoreConfig,
  redact,
} from "../../src/index.ts";
import { startDiscord } from "./bot.ts";
import { parseDiscordConfig } from "./config.ts";

async function main(): Promise<void> {
  const core = parseCoreConfig(process.env);
  const discord = parseDiscordConfig(process.env);
  const logger = createLogger({ secrets: [discord.token] });
  const citebot = await openCitebot({
    seedsDir: core.seedsDir,
    cacheDir: core.cacheDir,
    maxSeedBytes: core.maxSeedBytes,
    logger,
  });
  const bot = await startDiscord({
    responder: citebot,
    config: { ...discord, seedsBaseUrl: core.seedsBaseUrl },
    logger,
    rateLimiter: createRateLimiter({ limit: core.rateLimitPerMinute }),
  });
  const shutdown = (signal: string) => {
    logger.info(`discord: ${signal} received, shutting down`);
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("discord: shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  // One line a newcomer can act on; the token can only reach it inside a library's error
  // text, so it is redacted all the same.
  const reason = error instanceof Error ? error.message : String(error);
  const line = error instanceof ConfigError ? reason : `could not start: ${reason}`;
  console.error(redact(`citebot: ${line}`, [process.env["DISCORD_TOKEN"]?.trim()]));
  process.exit(1);
});
