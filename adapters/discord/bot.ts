import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from "discord.js";
import {
  createMemoryClaims,
  type EventClaims,
  type Logger,
  type Responder,
} from "../../src/index.ts";
import type { Health } from "../shared/health.ts";
import type { RateLimiter } from "../shared/rate-limit.ts";
import { inviteUrl, registerCommands } from "./commands.ts";
import { README_DISCORD } from "./config.ts";
import { createInteractionHandler } from "./interactions.ts";
import { createMessageHandler } from "./messages.ts";
import { createSerialQueue } from "./serial-queue.ts";
import { toQuestion } from "./to-question.ts";

/** What the bot needs to know besides its collaborators. */
export interface DiscordBotConfig {
  /** The bot token; passed to the client only, never logged. */
  token: string;
  /** Register commands in this guild (instant) instead of globally. */
  guildId: string | null;
  /** REST base such as http://127.0.0.1:1234/api; null = discord.com. */
  apiUrl: string | null;
  /** SEEDS_BASE_URL, for linked citations. */
  seedsBaseUrl: string | null;
}

/** Options for {@link startDiscord}. */
export interface StartDiscordOptions {
  /** A ready-made client (not logged in). Default: {@link createDiscordClient} from `config`. */
  client?: Client;
  /** Extra options for the default client; ignored when `client` is given. */
  clientOptions?: Partial<ClientOptions>;
  responder: Responder;
  config: DiscordBotConfig;
  logger: Logger;
  /** Per-user limit on questions (messages and `/ask`). */
  rateLimiter: RateLimiter;
  /** How long `stop()` lets answers in flight finish before closing anyway. Default 5 s. */
  stopGraceMs?: number;
  /** `/ask` defers when the interaction is already this old when handled. Default 1.5 s. */
  deferAfterMs?: number;
  /** Who answers each message or interaction when processes overlap (a rolling restart). */
  claims?: EventClaims;
  /**
   * Called when the gateway closes for good after start-up (a reset token, a revoked intent):
   * the bot can no longer answer, so the process should exit and let its supervisor restart it.
   */
  onFatal?: (code: number) => void;
}

/** A running bot. */
export interface DiscordBot {
  client: Client;
  /** Ready while the gateway is connected; with this process's shards and servers. */
  health(): Health;
  /** Stops taking questions, lets answers in flight finish, then closes the connection. */
  stop(): Promise<void>;
}

/**
 * A client with exactly the intents citebot needs: guild messages (Discord fills in the
 * content of those that mention the bot, so the privileged Message Content intent is not
 * needed) and DMs (which arrive on uncached channels, hence `Partials.Channel`).
 */
export function createDiscordClient(
  apiUrl: string | null,
  extra: Partial<ClientOptions> = {},
): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    failIfNotExists: false,
    ...extra,
    rest: { ...extra.rest, ...(apiUrl ? { api: apiUrl } : {}) },
  });
}

/** Logs in, registers the slash commands and answers until `stop()` is called. */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const { responder, config, logger, rateLimiter } = options;
  const client = options.client ?? createDiscordClient(config.apiUrl, options.clientOptions);
  const queue = createSerialQueue();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const claims = options.claims ?? createMemoryClaims();
  // Runs `work` only when this process wins the claim on `id` (another may hold the same shard).
  const claimed = async (id: string, work: () => Promise<void>) => {
    if (!(await claims.claim(id))) {
      logger.info("discord: ignored an event another process claimed", { claim: id });
      return;
    }
    await work();
    await claims.done(id).catch((error: unknown) => {
      logger.warn("discord: could not mark an event answered", { claim: id, error });
    });
  };
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const answerMessage = createMessageHandler({
    responder,
    logger,
    rateLimiter,
    seedsBaseUrl: config.seedsBaseUrl,
  });
  client.on(Events.MessageCreate, (message) => {
    if (stopping || !client.user) return;
    const question = toQuestion(
      {
        content: message.content,
        author: { id: message.author.id, bot: message.author.bot },
        mentionedUserIds: [...message.mentions.users.keys()],
        isDirect: !message.inGuild(),
      },
      client.user.id,
    );
    if (question === null) return;
    track(
      queue.run(message.channelId, () =>
        claimed(`discord:message:${message.id}`, () => answerMessage(message, question)),
      ),
    );
  });

  const handleInteraction = createInteractionHandler({
    responder,
    logger,
    rateLimiter,
    seedsBaseUrl: config.seedsBaseUrl,
    deferAfterMs: options.deferAfterMs ?? 1500,
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping || !interaction.isChatInputCommand()) return;
    track(claimed(`discord:interaction:${interaction.id}`, () => handleInteraction(interaction)));
  });

  client.on(Events.Error, (error) => logger.error("discord: client error", { error }));
  client.on(Events.Warn, (warning) => logger.warn(`discord: ${warning}`));
  client.on(Events.ShardReconnecting, () =>
    logger.warn("discord: gateway connection lost; reconnecting"),
  );
  let fatalCode: number | null = null;
  let started = false;
  client.on(Events.ShardDisconnect, (event) => {
    fatalCode = event.code;
    logger.error("discord: gateway closed for good", { code: event.code });
    if (started && !stopping) options.onFatal?.(event.code);
  });
  // Socket-level errors carry no useful stack; the message says it all.
  client.on(Events.ShardError, (error) =>
    logger.warn("discord: gateway error", { reason: error.message }),
  );
  client.on(Events.ShardResume, () => logger.info("discord: gateway session resumed"));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    if (fatalCode === 4004) {
      throw new Error(
        `Discord rejected DISCORD_TOKEN (gateway close code 4004); reset the token on the Bot page and paste it again (${README_DISCORD}).`,
        { cause: error },
      );
    }
    throw error;
  }
  const c = await ready;
  started = true;
  logger.info(`discord: logged in as ${c.user.tag}`, {
    seeds: responder.documents().length,
    invite: inviteUrl(c.application.id),
  });
  try {
    await registerCommands(c.rest, c.application.id, config.guildId);
    logger.info(`discord: registered /ask, /sources and /help`, {
      scope: config.guildId ? `guild ${config.guildId}` : "global",
    });
  } catch (error) {
    logger.error("discord: registering slash commands failed; mentions and DMs still work", {
      error,
    });
  }

  return {
    client,
    health: () => ({
      ready: client.isReady() && !stopping,
      waitingFor: client.isReady() && !stopping ? [] : ["platform"],
      shards: client.shard?.ids ?? [...client.ws.shards.keys()],
      shardCount: client.shard?.count ?? client.ws.shards.size,
      guilds: client.guilds.cache.size,
      documents: responder.documents().length,
    }),
    async stop() {
      if (stopping) return;
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.stopGraceMs ?? 5000);
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
      await client.destroy();
      logger.info("discord: disconnected");
    },
  };
}
