/** Runs tasks one after another per key (a channel), so replies keep the order of questions. */
export interface SerialQueue {
  /** Queues `task` behind earlier tasks with the same key; resolves when it has run. */
  run(key: string, task: () => Promise<void>): Promise<void>;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
}

/** Creates a queue that keeps only the tail of each key's chain, so memory stays bounded. */
export function createSerialQueue(): SerialQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const next = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
    async idle() {
      await Promise.all([...tails.values()]);
    },
  };
}
