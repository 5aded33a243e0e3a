import type { Answer, AskOptions, DocumentInfo, Responder, Thread } from "../answering/answer.ts";
import { watchFolder } from "./folder-watch.ts";
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
  /** Longest wait for quiet: a stream of changes that never pauses still rebuilds. Default 5 s. */
  maxWaitMs?: number;
  /**
   * How often the watched folder's identity is checked: a folder deleted (or moved away) is
   * reported once, and when it is back the watcher is re-armed and the index rebuilt. Default 2 s.
   */
  recheckMs?: number;
  logger?: Logger;
  /** Called after each successful swap (for a log line, or tests). */
  onSwap?: (next: T) => void;
  /**
   * Seeds that changed without the watcher or the cache key noticing (see seed-check.ts),
   * asked in the background of each responder put in place; any gets one warning and a rebuild.
   */
  changed?: (current: T) => Promise<string[]>;
  /**
   * Wait before asking `changed` of the initial responder, on a timer that does not keep the
   * process alive: a one-shot run (`citebot ask`) answers and exits without re-reading every
   * seed. Default 1 s.
   */
  checkDelayMs?: number;
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
  // The closures below keep only these, not `options`: the initial responder (and the index
  // file its restored texts read from) can then be collected once a rebuild replaced it.
  const { open, changed, onSwap, logger, watchDir } = options;
  const debounce = options.debounceMs ?? 500;
  const maxWait = options.maxWaitMs ?? 5000;
  const checkDelay = options.checkDelayMs ?? 1000;
  const recheckMs = options.recheckMs ?? 2000;
  let current = options.initial;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> | null = null;
  let again = false;
  let pendingSince = 0;

  const reload = (): Promise<T> => {
    if (running) {
      again = true; // a change arrived mid-build: build once more afterwards
      return running;
    }
    running = open()
      .then((next) => {
        current = next;
        onSwap?.(next);
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
    changed?.(responder)
      .then((docs) => {
        if (docs.length === 0 || responder !== current) return;
        logger?.warn(
          `rebuilding the index: ${docs.length} seed(s) changed without a new size or time (${docs.slice(0, 3).join(", ")})`,
        );
        schedule();
      })
      .catch(() => {});
  }

  // Debounced, with a bound: a burst of changes (a checkout of 5,000 files) is one rebuild, and
  // a change during a rebuild is one more rebuild after it, however many events arrive.
  function schedule(): void {
    const now = Date.now();
    if (timer) clearTimeout(timer);
    else pendingSince = now;
    const wait = Math.min(debounce, Math.max(0, pendingSince + maxWait - now));
    timer = setTimeout(() => {
      timer = null;
      reload().catch((err: unknown) => {
        logger?.warn(
          "seeds changed but the rebuild failed; still answering from the previous index",
          { reason: err instanceof Error ? err.message : String(err) },
        );
      });
    }, wait);
    timer.unref();
  }

  const firstCheck = setTimeout(() => check(current), checkDelay);
  firstCheck.unref();

  const watcher = watchDir
    ? watchFolder({
        dir: watchDir,
        onChange: schedule,
        recheckMs,
        ...(logger ? { logger } : {}),
      })
    : null;

  return {
    get current() {
      return current;
    },
    ask: (question: string, options?: AskOptions): Answer => current.ask(question, options),
    more: (thread: Thread): Answer => current.more(thread),
    documents: (): DocumentInfo[] => current.documents(),
    reload,
    close() {
      clearTimeout(firstCheck);
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
