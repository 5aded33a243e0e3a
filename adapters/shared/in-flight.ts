import type { Logger } from "../../src/index.ts";

/** The answers a front end is working on, so that stopping can let them finish. */
export interface InFlight {
  /** Registers work and hands it back; it is forgotten once it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** How many answers are in flight now. */
  readonly size: number;
  /** Waits until every answer in flight has settled, or `ms` have passed; logs either way. */
  drain(ms: number): Promise<void>;
}

/** Creates the tracker; `name` prefixes its log lines ("slack: waiting for answers in flight"). */
export function createInFlight(name: string, logger: Logger): InFlight {
  const work = new Set<Promise<unknown>>();
  return {
    track<T>(p: Promise<T>): Promise<T> {
      work.add(p);
      const done = p.finally(() => work.delete(p));
      done.catch(() => {}); // the caller handles the failure; this copy only tracks it
      return done;
    },
    get size() {
      return work.size;
    },
    async drain(ms) {
      if (work.size === 0) return;
      logger.info(`${name}: waiting for answers in flight`, { count: work.size });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), ms);
      });
      const result = await Promise.race([Promise.allSettled([...work]), timeout]);
      clearTimeout(timer);
      if (result === "timeout")
        logger.warn(`${name}: abandoned answers still in flight at shutdown`, { count: work.size });
    },
  };
}
