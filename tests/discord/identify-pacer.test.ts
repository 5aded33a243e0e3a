import { describe, expect, test } from "vitest";
import { createIdentifyPacer } from "../../adapters/discord/identify-pacer.ts";

/** A pacer whose identify windows end only when the test says so. */
function pacedBy(maxConcurrency: number) {
  const windows: (() => void)[] = [];
  const pacer = createIdentifyPacer(
    maxConcurrency,
    5000,
    () => new Promise<void>((r) => windows.push(r)),
  );
  const started: number[] = [];
  const ready = new Map<number, () => void>();
  const start = (id: number) =>
    pacer.run(id, () => {
      started.push(id);
      return new Promise<void>((r) => ready.set(id, r));
    });
  const settle = () => new Promise<void>((r) => setImmediate(r));
  return { windows, started, ready, start, settle };
}

describe("createIdentifyPacer", () => {
  test("max_concurrency 2: shards 0 and 1 start at once; 2 waits for 0 to be ready and a window", async () => {
    const p = pacedBy(2);
    for (const id of [0, 1, 2, 3]) void p.start(id);
    await p.settle();
    expect(p.started).toEqual([0, 1]);
    p.ready.get(0)?.();
    await p.settle();
    expect(p.started).toEqual([0, 1]); // ready, but the 5 s window is still open
    p.windows.shift()?.();
    await p.settle();
    expect(p.started).toEqual([0, 1, 2]);
    p.ready.get(1)?.();
    await p.settle();
    p.windows.shift()?.();
    await p.settle();
    expect(p.started).toEqual([0, 1, 2, 3]);
  });

  test("max_concurrency 1: one at a time, a failed start still frees the bucket after a window", async () => {
    const windows: (() => void)[] = [];
    const pacer = createIdentifyPacer(1, 5000, () => new Promise<void>((r) => windows.push(r)));
    const started: number[] = [];
    const failing = pacer.run(0, async () => {
      started.push(0);
      throw new Error("died before ready");
    });
    await expect(failing).rejects.toThrow("died before ready");
    void pacer.run(5, async () => void started.push(5));
    await new Promise<void>((r) => setImmediate(r));
    expect(started).toEqual([0]);
    windows.shift()?.();
    await new Promise<void>((r) => setImmediate(r));
    expect(started).toEqual([0, 5]);
  });

  test("a restart much later starts at once: its bucket's window has long passed", async () => {
    const pacer = createIdentifyPacer(4, 5000, async () => undefined);
    const started: number[] = [];
    await pacer.run(2, async () => void started.push(2));
    await new Promise<void>((r) => setImmediate(r));
    await pacer.run(2, async () => void started.push(2));
    expect(started).toEqual([2, 2]);
  });
});
