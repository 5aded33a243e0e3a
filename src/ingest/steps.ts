/** Long work written as a generator that yields wherever it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps at once. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Runs the steps, letting the event loop turn at each pause, so that a long-running front end
 * keeps answering (from its old index) while a large corpus is re-read and re-indexed.
 */
export async function runStepsInBackground<T>(steps: Steps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}
