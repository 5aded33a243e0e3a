import { mkdirSync, watch } from "node:fs";
import type { Logger } from "./logger.ts";
import { IndexNotBuiltError } from "./open.ts";

/** Options for {@link waitForIndex}. */
export interface WaitForIndexOptions<T> {
  /** Loads the persisted index; throws IndexNotBuiltError while there is none for the seeds. */
  open: () => Promise<T>;
  /** The shared INDEX_CACHE_DIR the builder writes to. */
  cacheDir: string;
  logger: Logger;
  /** Tries again at least this often, for shared file systems that report no changes. Default 10 s. */
  retryMs?: number;
}

/** Resolves on the next change in `dir`, or after `ms` (whichever comes first). */
function nextChange(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let watcher: ReturnType<typeof watch> | null = null;
    const done = () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    };
    const timer = setTimeout(done, ms);
    try {
      // The builder may not have created it yet; an empty folder is harmless and watchable.
      mkdirSync(dir, { recursive: true });
      watcher = watch(dir, done);
      watcher.on("error", () => undefined);
    } catch {
      // Not watchable (read-only, or a file system without change events): the timer retries.
    }
  });
}

/**
 * A replica's start: loads the index another process (the builder, or `npm run index`)
 * persisted for the same seeds, waiting until there is one, without ever indexing itself.
 */
export async function waitForIndex<T>(options: WaitForIndexOptions<T>): Promise<T> {
  let told = false;
  for (;;) {
    // Watch before trying, so an index written in between is not missed.
    const changed = nextChange(options.cacheDir, options.retryMs ?? 10_000);
    try {
      return await options.open();
    } catch (err) {
      if (!(err instanceof IndexNotBuiltError)) throw err;
      if (!told) {
        options.logger.info(
          `waiting for the index in ${options.cacheDir} (${err.message}); INDEX_MODE=read never indexes: run npm run index, or one process with INDEX_MODE=build`,
        );
        told = true;
      }
    }
    await changed;
  }
}
