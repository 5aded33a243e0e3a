import { setTimeout as sleep } from "node:timers/promises";

/** Discord's identify window: one IDENTIFY per bucket (shard id % max_concurrency) per 5 s. */
export const IDENTIFY_INTERVAL_MS = 5000;

/** Starts shards no faster than Discord lets them identify. */
export interface IdentifyPacer {
  /**
   * Runs `start` in its bucket's turn: after the previous start in that bucket settled (the
   * shard was ready, or died) and the identify window since then has passed. Buckets run in
   * parallel, so `maxConcurrency` shards start at once.
   */
  run(shardId: number, start: () => Promise<void>): Promise<void>;
}

/** A pacer for `maxConcurrency` buckets; `wait` is injectable for tests. */
export function createIdentifyPacer(
  maxConcurrency: number,
  intervalMs = IDENTIFY_INTERVAL_MS,
  wait: (ms: number) => Promise<unknown> = sleep,
): IdentifyPacer {
  const tails = new Map<number, Promise<void>>();
  return {
    run(shardId, start) {
      const bucket = shardId % Math.max(1, maxConcurrency);
      const turn = (tails.get(bucket) ?? Promise.resolve()).then(start);
      const settled = turn.catch(() => undefined);
      tails.set(
        bucket,
        settled.then(() => wait(intervalMs)).then(() => undefined),
      );
      return turn;
    },
  };
}
