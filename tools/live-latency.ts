// Answer latency while something else runs on the same process (a live rebuild): questions are
// asked back to back, one per event-loop turn, and each one's wait counts the time the event
// loop was held before it could be asked, as a user's question would have waited.

/** Latencies (ms, ascending) of the questions asked until `until` settles. */
export async function latenciesDuring(
  ask: (q: string) => unknown,
  questions: readonly string[],
  until: Promise<unknown>,
): Promise<number[]> {
  let done = false;
  void until.then(
    () => (done = true),
    () => (done = true),
  );
  const out: number[] = [];
  let i = 0;
  let ready = performance.now();
  while (!done) {
    // A question that arrives now is answered after whatever holds the loop, then its own time.
    await new Promise((resolve) => setImmediate(resolve));
    ask(questions[i++ % questions.length] ?? "");
    const end = performance.now();
    out.push(end - ready);
    ready = end;
  }
  return out.sort((a, b) => a - b);
}
