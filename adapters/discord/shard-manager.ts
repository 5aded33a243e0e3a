import type { ChildProcess } from "node:child_process";
import { ShardingManager, type Shard } from "discord.js";
import type { Logger } from "../../src/index.ts";
import type { Health } from "../shared/health.ts";
import type { DiscordConfig } from "./config.ts";
import { IDENTIFY_INTERVAL_MS, createIdentifyPacer } from "./identify-pacer.ts";

/** Options for {@link startShardManager}. */
export interface ShardManagerOptions {
  /** The bot entry each shard process runs (adapters/discord/main, as built or under tsx). */
  file: string;
  /** Node flags for the shard processes (the manager's own, so a loader carries over). */
  execArgv: string[];
  /** Variables set for the shard processes on top of this one's (e.g. INDEX_MODE=read). */
  env?: Record<string, string>;
  config: DiscordConfig;
  /** Shards in all (SHARD_COUNT, or Discord's recommendation). */
  count: number;
  /** The shards this manager runs, one process each. Default: all of them. */
  ids?: number[];
  /** From GET /gateway/bot: how many buckets may identify at once. */
  maxConcurrency: number;
  logger: Logger;
  /** The identify window per bucket. Default Discord's, 5 s. */
  identifyIntervalMs?: number;
  /** First wait before restarting a shard that exited; doubles while it keeps failing, to 60 s. */
  restartDelayMs?: number;
  /** How long a shard may take to finish its answers when stopping before it is killed. */
  stopGraceMs?: number;
}

/** Shard processes on this machine. */
export interface ShardFleet {
  manager: ShardingManager;
  /** Ready when every shard is; with the shard counts. */
  health(): Health;
  /** Stops every shard (each finishes its answers in flight), restarting none. */
  stop(): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 60_000;

/**
 * Runs shards with discord.js's ShardingManager, one process each, started as fast as the
 * identify limits allow. A shard process that exits is started again (after a growing delay
 * while it keeps failing) and the others keep answering.
 */
export async function startShardManager(options: ShardManagerOptions): Promise<ShardFleet> {
  const { count, logger } = options;
  const ids = options.ids ?? Array.from({ length: count }, (_, i) => i);
  // Restarts are ours (respawn: false) so they are paced like the first start.
  const manager = new ShardingManager(options.file, {
    totalShards: count,
    shardList: ids,
    mode: "process",
    respawn: false,
    token: options.config.token,
    execArgv: options.execArgv,
  });
  const pacer = createIdentifyPacer(
    options.maxConcurrency,
    options.identifyIntervalMs ?? IDENTIFY_INTERVAL_MS,
  );
  const firstDelay = options.restartDelayMs ?? 1000;
  const failures = new Map<number, number>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  /** Starts the shard's process and settles once it is ready or has exited. */
  const launch = (shard: Shard) => async () => {
    if (stopping) return;
    const settled = new Promise<void>((resolve) => {
      shard.once("ready", resolve);
      shard.once("death", () => resolve());
    });
    let child: ChildProcess;
    try {
      child = (await shard.spawn(-1)) as ChildProcess;
    } catch (error) {
      logger.error(`discord: shard ${shard.id} could not be started`, { error });
      return restart(shard, null);
    }
    // A fork that fails (out of memory, too many processes) emits 'error', which unheard would
    // end the manager: report it and let the shard die, so it is started again.
    child.once("error", (error) => {
      logger.error(`discord: shard ${shard.id}'s process failed`, { error });
      if (child.pid === undefined) shard.kill();
    });
    logger.info(`discord: shard ${shard.id} of ${count} started`, { pid: child.pid });
    await settled;
  };

  function restart(shard: Shard, child: ChildProcess | null): void {
    if (stopping) return;
    const failed = (failures.get(shard.id) ?? 0) + 1;
    failures.set(shard.id, failed);
    const delay = Math.min(firstDelay * 2 ** (failed - 1), MAX_RESTART_DELAY_MS);
    logger.warn(`discord: shard ${shard.id} exited; starting it again, the others keep answering`, {
      code: child?.exitCode ?? null,
      signal: child?.signalCode ?? null,
      inMs: delay,
    });
    const timer = setTimeout(() => {
      timers.delete(timer);
      void pacer.run(shard.id, launch(shard));
    }, delay);
    timers.add(timer);
  }

  const shards = ids.map((id) => {
    const shard = manager.createShard(id);
    Object.assign(shard.env as Record<string, string>, options.env ?? {});
    shard.on("ready", () => {
      failures.delete(id);
      logger.info(`discord: shard ${id} ready`);
    });
    shard.on("death", (child) => restart(shard, child as ChildProcess));
    // An 'error' without a listener would end the manager and every shard with it.
    shard.on("error", (error) => logger.error(`discord: shard ${id} failed`, { error }));
    return shard;
  });
  logger.info(`discord: running shards ${describeIds(ids)} of ${count}, one process each`, {
    maxConcurrency: options.maxConcurrency,
  });
  for (const shard of shards) void pacer.run(shard.id, launch(shard));

  return {
    manager,
    health() {
      const waiting = shards.filter((s) => !s.ready).map((s) => `shard ${s.id}`);
      const ready = waiting.length === 0 && !stopping;
      return {
        ready,
        waitingFor: ready ? [] : stopping ? ["platform"] : waiting,
        shards: ids,
        shardCount: count,
        shardsReady: shards.length - waiting.length,
      };
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(shards.map((s) => stopShard(s, options.stopGraceMs ?? 15_000)));
      logger.info("discord: every shard stopped");
    },
  };
}

/** SIGTERM (the shard finishes its answers and exits), SIGKILL if it takes too long. */
async function stopShard(shard: Shard, graceMs: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** "0-3" or "0, 2, 5". */
export function describeIds(ids: number[]): string {
  const contiguous = ids.every((id, i) => i === 0 || id === (ids[i - 1] ?? 0) + 1);
  return contiguous && ids.length > 2 ? `${ids[0]}-${ids.at(-1)}` : ids.join(", ");
}
