import { statSync, watch, type FSWatcher } from "node:fs";
import type { Logger } from "./logger.ts";

/** Options for {@link watchFolder}. */
export interface FolderWatchOptions {
  dir: string;
  /** Called on each change that may concern a seed, and when the folder is back after it was gone. */
  onChange: () => void;
  /** How often the folder's identity is checked (deleted, moved away, replaced, back). */
  recheckMs: number;
  logger?: Logger;
}

/** A watch on a folder; close() stops it. */
export interface FolderWatch {
  close(): void;
}

const inode = (dir: string): number | null => {
  try {
    const st = statSync(dir);
    return st.isDirectory() ? st.ino : null;
  } catch {
    return null;
  }
};

const GONE =
  "the seeds folder is gone; still answering from the previous index, and watching for it to come back";

/**
 * Watches a seeds folder recursively, skipping temp files and hidden folders. A folder deleted
 * (or moved away) is reported once; when it is back (or replaced) the watcher is re-armed and
 * `onChange` called. Timers and watchers never keep the process alive.
 */
export function watchFolder(options: FolderWatchOptions): FolderWatch {
  const { dir, onChange, logger } = options;
  let watcher: FSWatcher | null = null;
  let watched: number | null = null; // inode of the folder being watched
  let closed = false;

  function disarm(): void {
    watcher?.close();
    watcher = null;
    watched = null;
  }

  /** Watches the folder if it is there; true when watching. */
  function arm(): boolean {
    const ino = inode(dir);
    if (ino === null) return false;
    try {
      watcher = watch(dir, { recursive: true }, (_event, name) => {
        // Temp files and hidden folders (a cache kept inside the seeds) are not seeds.
        if (name && /(^|[/\\])\.|\.tmp$/.test(String(name))) return;
        onChange();
      });
    } catch (err) {
      logger?.warn("cannot watch the seeds folder; use :reload or restart after changes", {
        reason: (err as Error).message,
      });
      return false;
    }
    watched = ino;
    watcher.on("error", (err) => {
      logger?.warn("the seeds folder watcher failed; watching it again", { reason: err.message });
      disarm();
      recheck();
    });
    watcher.unref();
    return true;
  }

  /** Re-arms the watcher when the folder was deleted, replaced or came back. */
  function recheck(): void {
    if (closed) return;
    const ino = inode(dir);
    if (ino === watched) return;
    if (ino === null) {
      disarm();
      logger?.warn(GONE);
      return;
    }
    disarm();
    if (arm()) {
      logger?.info("watching the seeds folder again");
      onChange();
    }
  }

  // A folder missing already (removed between the index's open and this watch) is gone like one
  // removed later: the index opened from it still answers.
  if (!arm())
    logger?.warn(
      inode(dir) === null ? GONE : "the seeds folder cannot be watched yet; watching for it again",
    );
  const rechecks = setInterval(recheck, options.recheckMs);
  rechecks.unref();

  return {
    close() {
      closed = true;
      clearInterval(rechecks);
      disarm();
    },
  };
}
