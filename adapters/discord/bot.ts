import { Events, type Client, type ClientOptions } from "discord.js";
import type { EventClaims, Logger } from "../../src/index.ts";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { Health } from "../shared/health.ts";
import { createInFlight } from "../shared/in-flight.ts";
import { createDiscordClient } from "./client.ts";
import { inviteUrl, registerCommands } from "./commands.ts";
import { README_DISCORD, type DiscordConfig } from "./config.ts";
import { listenForQuestions } from "./listen.ts";
import type { ThreadStore } from "../shared/threads.ts";

/** Options for {@link startDiscord}. */
export interface StartDiscordOptions extends FrontEndDeps {
  /** A ready-made client (not logged in). Default: {@link createDiscordClient} from `config`. */
  client?: Client;
  /** Extra options for the default client; ignored when `client` is given. */
  clientOptions?: Partial<ClientOptions>;
  config: DiscordConfig;
  /** Re-reads the seeds for `/citebot reload`; resolves to the number of documents. */
  reload?: () => Promise<number>;
  /** How long `stop()` lets answers in flight finish before closing anyway. Default 5 s. */
  stopGraceMs?: number;
  /** `/ask` defers when the interaction is already this old when handled. Default 1.5 s. */
  deferAfterMs?: number;
  /** Conversations by thread (or DM channel) id. Default: in memory, bounded. */
  threads?: ThreadStore;
  /** Who answers each message or interaction when processes overlap (a rolling restart). */
  claims?: EventClaims;
  /**
   * Called when the gateway closes for good after start-up (a reset token, a revoked intent):
   * the bot can no longer answer, so the process should exit and let its supervisor restart it.
   */
  onFatal?: (code: number) => void;
  /** Register the slash commands at start-up. Default true; false where another process does. */
  registerCommands?: boolean;
}

/** A running bot. */
export interface DiscordBot {
  client: Client;
  /** Ready while the gateway is connected; with this process's shards and servers. */
  health(): Health;
  /** Stops taking questions, lets answers in flight finish, then closes the connection. */
  stop(): Promise<void>;
}

/** Where the bot is in its life, read by the listeners. */
interface Lifecycle {
  started: boolean;
  stopping: boolean;
  /** The code of the last gateway close that will not be resumed. */
  fatalCode: number | null;
}

/** Logs the connection's ups and downs; a close for good after start-up calls `onFatal`. */
function watchConnection(client: Client, options: StartDiscordOptions, life: Lifecycle): void {
  const { logger } = options;
  client.on(Events.Error, (error) => logger.error("discord: client error", { error }));
  client.on(Events.Warn, (warning) => logger.warn(`discord: ${warning}`));
  client.on(Events.ShardReconnecting, () =>
    logger.warn("discord: gateway connection lost; reconnecting"),
  );
  client.on(Events.ShardDisconnect, (event) => {
    life.fatalCode = event.code;
    logger.error("discord: gateway closed for good", { code: event.code });
    if (life.started && !life.stopping) options.onFatal?.(event.code);
  });
  // Socket-level errors carry no useful stack; the message says it all.
  client.on(Events.ShardError, (error) =>
    logger.warn("discord: gateway error", { reason: error.message }),
  );
  client.on(Events.ShardResume, () => logger.info("discord: gateway session resumed"));
}

/** Logs in and waits until ready; a rejected token becomes an error that says what to do. */
async function logIn(client: Client, token: string, life: Lifecycle): Promise<Client<true>> {
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    if (life.fatalCode === 4004) {
      throw new Error(
        `Discord rejected DISCORD_TOKEN (gateway close code 4004); reset the token on the Bot page and paste it again (${README_DISCORD}).`,
        { cause: error },
      );
    }
    throw error;
  }
  return ready;
}

/** Registers /ask, /sources and /help; a failure is logged, mentions and DMs still work. */
async function registerSlashCommands(c: Client<true>, guildId: string | null, logger: Logger) {
  try {
    await registerCommands(c.rest, c.application.id, guildId);
    logger.info(`discord: registered /ask, /sources, /help, /citebot and Ask citebot`, {
      scope: guildId ? `guild ${guildId}` : "global",
    });
  } catch (error) {
    logger.error("discord: registering slash commands failed; mentions and DMs still work", {
      error,
    });
  }
}

/** Logs in, registers the slash commands and answers until `stop()` is called. */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const { config, logger } = options;
  const client =
    options.client ??
    createDiscordClient(config.apiUrl, options.clientOptions, config.messageContent === true);
  const life: Lifecycle = { started: false, stopping: false, fatalCode: null };
  const inFlight = createInFlight("discord", logger);
  listenForQuestions(client, options, inFlight, life);
  watchConnection(client, options, life);
  const c = await logIn(client, config.token, life);
  life.started = true;
  logger.info(`discord: logged in as ${c.user.tag}`, {
    seeds: options.responder.documents().length,
    invite: inviteUrl(c.application.id),
  });
  if (options.registerCommands !== false) await registerSlashCommands(c, config.guildId, logger);
  const ready = () => client.isReady() && !life.stopping;
  return {
    client,
    health: () => ({
      ready: ready(),
      waitingFor: ready() ? [] : ["platform"],
      shards: client.shard?.ids ?? [...client.ws.shards.keys()],
      // The total across all processes (SHARD_COUNT), not only the shards this one runs.
      shardCount: client.shard?.count ?? client.options.shardCount ?? client.ws.shards.size,
      guilds: client.guilds.cache.size,
      documents: options.responder.documents().length,
    }),
    async stop() {
      if (life.stopping) return;
      life.stopping = true;
      await inFlight.drain(options.stopGraceMs ?? 5000);
      await client.destroy();
      logger.info("discord: disconnected");
    },
  };
}
