import {
  DiscordAPIError,
  REST,
  Routes,
  type RESTGetCurrentApplicationResult,
  type RESTGetAPIGatewayBotResult,
} from "discord.js";
import type { Logger } from "../../src/index.ts";
import { inviteUrl, registerCommands } from "./commands.ts";
import { README_DISCORD, type DiscordConfig } from "./config.ts";
import { README_SHARDING } from "./shard-config.ts";

/** What Discord says about starting shards: GET /gateway/bot. */
export interface GatewayPlan {
  /** The shard count Discord recommends for this bot. */
  shards: number;
  /** How many shards may identify at once (each in its bucket, shard id % this). */
  maxConcurrency: number;
  /** Session starts (IDENTIFYs) left today, of `total`. */
  remaining: number;
  total: number;
}

/** A REST client on DISCORD_API_URL (or Discord), for the shard manager's own calls. */
export function createRest(config: DiscordConfig): REST {
  return new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), retries: 2 }).setToken(
    config.token,
  );
}

/** Asks Discord for the recommended shard count and identify limits; errors say what to do. */
export async function fetchGatewayPlan(rest: REST, config: DiscordConfig): Promise<GatewayPlan> {
  let info: RESTGetAPIGatewayBotResult;
  try {
    info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new Error(
        `Discord rejected DISCORD_TOKEN (401 on GET /gateway/bot); reset the token on the Bot page and paste it again (${README_DISCORD}).`,
        { cause: error },
      );
    }
    const where = config.apiUrl ? "DISCORD_API_URL" : "https://discord.com/api";
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not ask Discord for the shard count at ${where} (${reason}); check the network, or set SHARD_COUNT to skip asking (${README_SHARDING}).`,
      { cause: error },
    );
  }
  const limit = info.session_start_limit;
  return {
    shards: Math.max(1, info.shards),
    maxConcurrency: Math.max(1, limit.max_concurrency),
    remaining: limit.remaining,
    total: limit.total,
  };
}

/**
 * Registers the commands once for all shards (the manager does it, or the process that runs
 * shard 0); a failure is logged, mentions and DMs still work.
 */
export async function registerCommandsOnce(
  rest: REST,
  config: DiscordConfig,
  logger: Logger,
): Promise<void> {
  try {
    const app = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
    await registerCommands(rest, app.id, config.guildId);
    logger.info("discord: registered the commands once for all shards", {
      scope: config.guildId ? `guild ${config.guildId}` : "global",
      invite: inviteUrl(app.id),
    });
  } catch (error) {
    logger.error("discord: registering slash commands failed; mentions and DMs still work", {
      error,
    });
  }
}
