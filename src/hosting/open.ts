import { promises as fs, realpathSync } from "node:fs";
import path from "node:path";
import { createCitebot, type Citebot, type CitebotOptions } from "../answering/citebot.ts";
import { decodeSeed } from "../ingest/loader.ts";
import { isInside, type FollowLinks } from "../ingest/seed-listing.ts";
import { readSeedBytesSync } from "../ingest/seed-read.ts";
import type { Logger } from "./logger.ts";
import { toPrintable } from "../ingest/printable.ts";
import { buildAndSave, type BuildRequest } from "./build.ts";
import { buildInWorker } from "./build-in-worker.ts";
import { cacheFile, cacheKey, DEFAULT_MAX_CACHE_BYTES, loadIndex } from "./persist.ts";
import { findChangedSeeds } from "./seed-check.ts";
import { stampSeeds } from "./seed-stamps.ts";

/** Options for {@link openCitebot}. */
export interface OpenOptions extends CitebotOptions {
  /** Folder of seed documents. */
  seedsDir: string;
  /** Folder for the persisted index; null or absent turns persistence off. */
  cacheDir?: string | null;
  /** Seed files larger than this are skipped. */
  maxSeedBytes?: number;
  /** Which symbolic links in the seeds folder are read. Default "none". */
  followLinks?: FollowLinks;
  /** Largest persisted index file in bytes; a larger index is kept in memory only. Default 1 GiB. */
  maxCacheBytes?: number;
  /**
   * Build in a worker thread, so that answering never waits on it (live rebuilds); the main
   * thread only restores the result, in steps. Default false (a first start has nothing to answer).
   */
  inWorker?: boolean;
  /** Receives one warning per skipped file and cache problems. */
  logger?: Logger;
  /**
   * Index the seeds when the persisted index is missing or stale. Default true; false (a
   * replica reading a shared index) throws {@link IndexNotBuiltError} instead.
   */
  build?: boolean;
}

/**
 * Where a listed document's seed file is, for re-reading it: inside the seeds folder only (a
 * followed link resolved, as the listing resolves it), or null.
 */
function seedPathOf(seedsDir: string, doc: string, followLinks: FollowLinks): string | null {
  const parts = doc.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) return null;
  const full = path.join(seedsDir, ...parts);
  if (followLinks === "none") return full;
  try {
    const target = realpathSync(full);
    return isInside(realpathSync(seedsDir), target) ? target : null;
  } catch {
    return null;
  }
}

/** No persisted index matches the seeds yet, and this process does not build one. */
export class IndexNotBuiltError extends Error {
  override name = "IndexNotBuiltError";
}

/** A citebot opened from a folder, with what happened while opening it. */
export interface OpenedCitebot extends Citebot {
  /** One line per skipped seed file. */
  readonly warnings: string[];
  /** Milliseconds spent loading and indexing (or restoring the index). */
  readonly loadMs: number;
  /** Whether the index came from the persisted cache. */
  readonly fromCache: boolean;
  /** Seeds edited without a new size or time since the index was built (re-reads them all). */
  changedSeeds(): Promise<string[]>;
}

/**
 * Loads the seeds folder and indexes it, reusing a persisted index when one matches the seeds
 * exactly. Throws SeedsError when the folder is unusable; cache trouble is only a warning.
 */
export async function openCitebot(options: OpenOptions): Promise<OpenedCitebot> {
  const started = performance.now();
  const { logger } = options;
  const listing = options.followLinks === undefined ? {} : { followLinks: options.followLinks };
  const cacheDir = options.cacheDir ?? null;
  const file = cacheDir ? cacheFile(cacheDir, options.seedsDir) : null;
  const maxCacheBytes = options.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES;
  let key = "";
  if (file) {
    // Only names, sizes and times decide whether the persisted index is current: no seed is read.
    key = cacheKey(options.seedsDir, await stampSeeds(options.seedsDir, listing), {
      maxSeedBytes: options.maxSeedBytes ?? null,
      followLinks: options.followLinks ?? "none",
    });
    const seedsDir = options.seedsDir;
    const loaded = await loadIndex(
      file,
      key,
      maxCacheBytes,
      {
        // A text read from the index that fails its checksum is read from its seed file instead,
        // when that still holds the very text indexed; the index file is dropped for a rebuild.
        readSeedText: (doc, size) => {
          const full = seedPathOf(seedsDir, doc, options.followLinks ?? "none");
          const bytes = full === null ? null : readSeedBytesSync(full, size);
          const decoded = bytes && decodeSeed(bytes);
          return decoded && "text" in decoded ? decoded.text : null;
        },
        onCorruptText: (doc, recovered) =>
          logger?.warn(
            recovered
              ? `the persisted index's copy of ${toPrintable(doc)} is corrupt; read the seed file instead, and the index will be rebuilt at the next start`
              : `the persisted index's copy of ${toPrintable(doc)} is corrupt and the seed file changed since; it cannot be quoted until the index is rebuilt (restart citebot)`,
          ),
      },
      // A reader leaves the shared index to its builder.
      options.build !== false,
    );
    if ("corpus" in loaded) {
      for (const w of loaded.warnings) logger?.warn(w);
      const bot = createCitebot(loaded.corpus, loaded.index, options);
      const loadMs = performance.now() - started;
      const changedSeeds = async () => {
        const changed = await findChangedSeeds(options.seedsDir, loaded.corpus.documents);
        // The persisted index is stale: drop it, so that the next open rebuilds from the seeds.
        if (changed.length > 0) await fs.rm(file, { force: true }).catch(() => {});
        return changed;
      };
      return { ...bot, warnings: loaded.warnings, loadMs, fromCache: true, changedSeeds };
    }
    if (options.build === false) throw new IndexNotBuiltError(loaded.reason);
    if (!loaded.reason.startsWith("no persisted"))
      logger?.warn(`rebuilding the index: ${loaded.reason}`);
  }
  if (options.build === false) throw new IndexNotBuiltError("the persisted index is off");
  const req: BuildRequest = {
    seedsDir: options.seedsDir,
    ...(options.maxSeedBytes === undefined ? {} : { maxSeedBytes: options.maxSeedBytes }),
    ...listing,
    cache: file ? { file, key, maxBytes: maxCacheBytes } : null,
  };
  const warn = (line: string) => logger?.warn(line);
  const { corpus, index, warnings } = options.inWorker
    ? await buildInWorker(req, warn)
    : await buildAndSave(req, warn);
  const bot = createCitebot(corpus, index, options);
  const loadMs = performance.now() - started;
  // Built from the texts just read: nothing to check (later edits are the watcher's business).
  return { ...bot, warnings, loadMs, fromCache: false, changedSeeds: () => Promise.resolve([]) };
}
