import { watch, type FSWatcher } from "node:fs";
import type { Answer, AskOptions, DocumentInfo, Responder, Thread } from "../answering/answer.ts";
import type { Logger } from "./logger.ts";

/** Options for {@link createLiveResponder}. */
export interface LiveOptions<T extends Responder> {
  /** The responder answering now. */
  initial: T;
  /** Builds a fresh responder from the seeds; may throw (then the old one stays). */
  open: () => Promise<T>;
  /** Folder to watch; null to only reload on demand. */
  watchDir: string | null;
  /** Quiet time after the last change before rebuilding. Default 500 ms. */
  debounceMs?: number;
  logger?: Logger;
  /** Called after each successful swap (for a log line, or tests). */
  onSwap?: (next: T) => void;
  /**
   * Seeds that changed without the watcher or the cache key noticing (see seed-check.ts),
   * asked in the background of each responder put in place; any gets one warning and a rebuild.
   */
  changed?: (current: T) => Promise<string[]>;
}

/** A responder whose index is rebuilt when the seeds change and swapped in whole. */
export interface LiveResponder<T extends Responder> extends Responder {
  /** The responder answering now. */
  readonly current: T;
  /** Rebuilds now; resolves to the new responder, or rejects and keeps the old one. */
  reload(): Promise<T>;
  /** Stops watching. */
  close(): void;
}

/**
 * Wraps a responder so that seed changes rebuild it in the background: questions keep being
 * answered by the old index until the new one is complete, then one assignment swaps them.
 */
export function createLiveResponder<T extends Responder>(
  options: LiveOptions<T>,
): LiveResponder<T> {
  let current = options.initial;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> | null = null;
  let again = false;
  let watcher: FSWatcher | null = null;

  const reload = (): Promise<T> => {
    if (running) {
      again = true; // a change arrived mid-build: build once more afterwards
      return running;
    }
    running = options
      .open()
      .then((next) => {
        current = next;
        options.onSwap?.(next);
        check(next);
        return next;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
    return running;
  };

  function check(responder: T): void {
    options
      .changed?.(responder)
      .then((docs) => {
        if (docs.length === 0 || responder !== current) return;
        options.logger?.warn(
          `rebuilding the index: ${docs.length} seed(s) changed without a new size or time (${docs.slice(0, 3).join(", ")})`,
        );
        schedule();
      })
      .catch(() => {});
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      reload().catch((err: unknown) => {
        options.logger?.warn(
          "seeds changed but the rebuild failed; still answering from the previous index",
          { reason: err instanceof Error ? err.message : String(err) },
        );
      });
    }, options.debounceMs ?? 500);
    timer.unref();
  }

  check(current);

  if (options.watchDir) {
    try {
      watcher = watch(options.watchDir, { recursive: true }, (_event, name) => {
        // Temp files and hidden folders (a cache kept inside the seeds) are not seeds.
        if (name && /(^|[/\\])\.|\.tmp$/.test(String(name))) return;
        schedule();
      });
      watcher.on("error", (err) =>
        options.logger?.warn("stopped watching the seeds folder", { reason: err.message }),
      );
      watcher.unref();
    } catch (err) {
      options.logger?.warn("cannot watch the seeds folder; use :reload or restart after changes", {
        reason: (err as Error).message,
      });
    }
  }

  return {
    get current() {
      return current;
    },
    ask: (question: string, options?: AskOptions): Answer => current.ask(question, options),
    more: (thread: Thread): Answer => current.more(thread),
    documents: (): DocumentInfo[] => current.documents(),
    reload,
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
