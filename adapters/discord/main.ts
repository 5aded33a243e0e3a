// `npm run discord`: parse the settings, load the seeds, answer on Discord until a signal.
import { openEventClaims, parseStoreConfig, storeSecrets } from "../../src/index.ts";
import { openChatAsking } from "../shared/asking.ts";
import { runEntryPoint } from "../shared/harness.ts";
import { parseHealthPort } from "../shared/health.ts";
import { createRateLimiter } from "../shared/rate-limit.ts";
import { startDiscord } from "./bot.ts";
import { parseDiscordConfig } from "./config.ts";

runEntryPoint({
  name: "discord",
  secretVars: ["DISCORD_TOKEN"],
  configure: (env) => ({ discord: parseDiscordConfig(env), store: parseStoreConfig(env) }),
  secrets: ({ store }) => storeSecrets(store),
  healthPort: (_config, env) => parseHealthPort(env),
  start: async ({ config, core, logger, citebot, fatal }) => {
    // With DATABASE_URL, processes on the same shard (a rolling restart) answer each event once.
    const claims = openEventClaims(config.store, { logger });
    const asking = await openChatAsking({
      live: citebot,
      seedsDir: core.seedsDir,
      store: config.store,
      logger,
      env: process.env,
    });
    const bot = await startDiscord({
      asking,
      reload: async () => (await citebot.reload()).documents().length,
      claims,
      responder: citebot,
      config: config.discord,
      logger,
      rateLimiter: createRateLimiter({ limit: core.rateLimitPerMinute }),
      seedsBaseUrl: core.seedsBaseUrl,
      // Without a gateway the bot cannot answer: exit non-zero so a supervisor restarts it.
      onFatal: (code) =>
        fatal("cannot reconnect; exiting so a supervisor can restart citebot", { code }),
    });
    return {
      health: () => bot.health(),
      stop: async () => {
        await bot.stop();
        await claims.close();
        await asking.log?.close();
      },
    };
  },
});
