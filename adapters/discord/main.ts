// `npm run discord`: parse the settings, load the seeds, answer on Discord until a signal.
// With more than one shard on this machine this process becomes the shard manager instead.
import { fileURLToPath } from "node:url";
import {
  openEventClaims,
  parseStoreConfig,
  storeSecrets,
  type Logger,
  type StoreConfig,
} from "../../src/index.ts";
import { openChatAsking } from "../shared/asking.ts";
import { runEntryPoint, type EntryContext, type Running } from "../shared/harness.ts";
import { parseHealthPort } from "../shared/health.ts";
import { createRateLimiter } from "../shared/rate-limit.ts";
import { startDiscord } from "./bot.ts";
import { parseDiscordConfig, type DiscordConfig } from "./config.ts";
import { parseShardConfig, type ShardConfig } from "./shard-config.ts";
import { startShardManager } from "./shard-manager.ts";
import { createRest, fetchGatewayPlan, registerCommandsOnce } from "./shard-rest.ts";

type Config = {
  discord: DiscordConfig;
  store: StoreConfig;
  shards: ShardConfig;
};

/** One bot client on `shards` of `shardCount`, answering in this process. */
async function startBot(
  { config, core, logger, citebot, fatal }: EntryContext<Config>,
  shards: { shards: number[]; shardCount: number },
  registerCommands: boolean,
): Promise<Running> {
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
    // Explicit, so discord.js never reads SHARD_COUNT from the environment on its own.
    clientOptions: shards,
    registerCommands,
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
}

/** One machine: Discord's recommended count (or SHARD_COUNT); two or more run as processes. */
async function startMachine(context: EntryContext<Config>, wanted: number | "auto") {
  const { config, core, logger } = context;
  if (wanted === 1) return startBot(context, { shards: [0], shardCount: 1 }, true);
  const rest = createRest(config.discord);
  const plan = await fetchGatewayPlan(rest, config.discord);
  const count = wanted === "auto" ? plan.shards : wanted;
  logger.info(`discord: Discord recommends ${plan.shards} shard(s); running ${count}`, {
    maxConcurrency: plan.maxConcurrency,
    sessionStartsLeft: `${plan.remaining} of ${plan.total}`,
  });
  if (count === 1) return startBot(context, { shards: [0], shardCount: 1 }, true);
  if (plan.remaining < count) {
    logger.warn("discord: fewer session starts left today than shards; some wait for the reset");
  }
  // This process already built the index: the shards read it instead of each indexing.
  const env = core.cacheDir && core.indexMode === "build" ? { INDEX_MODE: "read" } : {};
  await registerCommandsOnce(rest, config.discord, logger);
  const fleet = await startShardManager({
    file: fileURLToPath(import.meta.url),
    execArgv: process.execArgv,
    env,
    config: config.discord,
    count,
    maxConcurrency: plan.maxConcurrency,
    logger,
  });
  return { health: () => fleet.health(), stop: () => fleet.stop() };
}

/** Every line of a shard process names its shards, so interleaved logs stay readable. */
function tagged(logger: Logger, shard: string): Logger {
  return {
    info: (m, c) => logger.info(m, { ...c, shard }),
    warn: (m, c) => logger.warn(m, { ...c, shard }),
    error: (m, c) => logger.error(m, { ...c, shard }),
  };
}

runEntryPoint<Config>({
  name: "discord",
  secretVars: ["DISCORD_TOKEN"],
  configure: (env) => ({
    discord: parseDiscordConfig(env),
    store: parseStoreConfig(env),
    shards: parseShardConfig(env),
  }),
  secrets: ({ store }) => storeSecrets(store),
  // The shard manager serves the probes for its shard processes.
  healthPort: (config, env) => (config.shards.kind === "child" ? null : parseHealthPort(env)),
  start: async (context) => {
    const { shards } = context.config;
    if (shards.kind === "machine") return startMachine(context, shards.count);
    if (shards.kind === "child") {
      // The manager is gone (killed hard): stop too instead of answering unsupervised.
      process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
    }
    const { ids, count } = shards;
    const logger = tagged(context.logger, ids.join(","));
    // Commands are registered once: by the manager, or by the process that runs shard 0.
    const register = shards.kind === "list" && ids.includes(0);
    return startBot({ ...context, logger }, { shards: ids, shardCount: count }, register);
  },
});
