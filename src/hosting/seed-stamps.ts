import { statSync } from "node:fs";
import path from "node:path";
import { listSeeds, type LoadOptions } from "../ingest/loader.ts";

/** A seed file as the cache key sees it: name, size and modification time, nothing read. */
export interface SeedStamp {
  doc: string;
  size: number;
  mtimeMs: number;
}

/** Files stat'ed between pauses. */
const STATS_PER_STEP = 500;

/**
 * Lists the seeds and stats each one without reading it: enough to tell whether a persisted
 * index is still current (a restart reads no seed file when none changed). A file that cannot
 * be stat'ed gets size -1, so it still counts in the key. Throws SeedsError as listSeeds does.
 */
export async function stampSeeds(
  dir: string,
  options: Pick<LoadOptions, "followLinks"> = {},
): Promise<SeedStamp[]> {
  const docs = await listSeeds(dir, options);
  // Synchronous stats in batches: several times faster than one promise per file (thousands of
  // seeds queue on libuv's four threads), with a pause between batches for the event loop.
  const stamps: SeedStamp[] = [];
  for (const [i, doc] of docs.entries()) {
    if (i > 0 && i % STATS_PER_STEP === 0) await new Promise((resolve) => setImmediate(resolve));
    let stat;
    try {
      stat = statSync(path.join(dir, ...doc.split("/")), { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    stamps.push(
      stat ? { doc, size: stat.size, mtimeMs: stat.mtimeMs } : { doc, size: -1, mtimeMs: 0 },
    );
  }
  return stamps;
}
