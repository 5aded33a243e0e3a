import { promises as fs, watch } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  SeedsError,
  createLiveResponder,
  openCitebot,
  type Answer,
  type LiveResponder,
  type OpenedCitebot,
  createMemoryLogger,
} from "../../src/tools.ts";

const made: string[] = [];
const live: LiveResponder<OpenedCitebot>[] = [];

afterEach(async () => {
  for (const l of live.splice(0)) l.close();
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

const OLD = "The Harbour\n\nThe lighthouse keeper counted seventeen ships in the harbour.\n";
const NEW = "The Harbour\n\nThe lighthouse keeper counted forty-two ships in the harbour.\n";
const QUESTION = "How many ships did the lighthouse keeper count?";

async function seedsFolder(content = OLD): Promise<{ dir: string; seed: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "citebot-live-"));
  made.push(dir);
  const seed = path.join(dir, "harbour.txt");
  await fs.writeFile(seed, content);
  return { dir, seed };
}

function firstText(answer: Answer): string {
  if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
  return answer.excerpts[0]?.text ?? "";
}

/** A promise plus the functions that settle it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Polls `condition` until it holds; fails after a generous bound (not a timing assertion). */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A live responder over `dir` with a short debounce; swaps and open() calls are observable. */
async function start(
  dir: string,
  watchDir: string | null = dir,
  timing: { debounceMs?: number; maxWaitMs?: number; recheckMs?: number } = {},
) {
  const logger = createMemoryLogger();
  const swaps: OpenedCitebot[] = [];
  let nextSwap = deferred<OpenedCitebot>();
  let opens = 0;
  let gate: Promise<void> | null = null;
  const initial = await openCitebot({ seedsDir: dir, cacheDir: null });
  const responder = createLiveResponder<OpenedCitebot>({
    initial,
    open: async () => {
      opens++;
      if (gate) await gate;
      return openCitebot({ seedsDir: dir, cacheDir: null });
    },
    watchDir,
    debounceMs: 20,
    ...timing,
    logger,
    onSwap: (next) => {
      swaps.push(next);
      const d = nextSwap;
      nextSwap = deferred<OpenedCitebot>();
      d.resolve(next);
    },
  });
  live.push(responder);
  return {
    responder,
    initial,
    logger,
    swaps,
    opens: () => opens,
    /** Resolves at the next swap after this call. */
    swapped: () => nextSwap.promise,
    /** Holds every rebuild until the returned function is called. */
    hold(): () => void {
      const d = deferred();
      gate = d.promise;
      return () => {
        gate = null;
        d.resolve();
      };
    },
  };
}

describe("live responder", () => {
  it("rebuilds and swaps the index when a seed file is edited", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir);
    expect(firstText(t.responder.ask(QUESTION))).toContain("seventeen ships");
    const swapped = t.swapped();
    await fs.writeFile(seed, NEW);
    const next = await swapped;
    expect(t.responder.current).toBe(next);
    expect(next).not.toBe(t.initial);
    expect(firstText(t.responder.ask(QUESTION))).toContain("forty-two ships");
    expect(t.responder.documents()).toEqual(next.documents());
  });

  it("answers from the old index while the rebuild is pending, then from the new one", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir);
    const release = t.hold();
    const swapped = t.swapped();
    await fs.writeFile(seed, NEW);
    await waitFor(() => t.opens() > 0, "the rebuild to start");
    // The file already says forty-two, but the index being built is not in use yet.
    expect(t.responder.current).toBe(t.initial);
    for (let i = 0; i < 200; i++) {
      const answer = t.responder.ask(i % 2 === 0 ? QUESTION : "Who counted the ships?");
      expect(answer.kind).toBe("cited");
      expect(firstText(answer)).toContain("seventeen ships");
    }
    release();
    await swapped;
    expect(firstText(t.responder.ask(QUESTION))).toContain("forty-two ships");
    expect(t.swaps).toHaveLength(1);
  });

  it("answers every question asked across a swap from one whole index or the other", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir);
    const swapped = t.swapped();
    await fs.writeFile(seed, NEW);
    const seen = new Set<string>();
    let done = false;
    void swapped.then(() => {
      done = true;
    });
    // Ask on every turn of the event loop until the swap has happened, then once more.
    while (!done) {
      const text = firstText(t.responder.ask(QUESTION));
      seen.add(text.includes("seventeen") ? "old" : text.includes("forty-two") ? "new" : text);
      await new Promise((r) => setImmediate(r));
    }
    seen.add(firstText(t.responder.ask(QUESTION)).includes("forty-two") ? "new" : "other");
    expect([...seen].every((s) => s === "old" || s === "new")).toBe(true);
    expect(seen.has("new")).toBe(true);
  });

  it("keeps answering from the old index and warns when the rebuild fails", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir);
    const release = t.hold();
    await fs.writeFile(seed, new Uint8Array([0x00, 0xff, 0x00, 0x13, 0x37]));
    await waitFor(() => t.opens() > 0, "the rebuild to start");
    expect(firstText(t.responder.ask(QUESTION))).toContain("seventeen ships");
    // The only seed is now binary: the folder is unusable, so the rebuild will throw SeedsError.
    await expect(openCitebot({ seedsDir: dir, cacheDir: null })).rejects.toBeInstanceOf(SeedsError);
    release();
    await waitFor(
      () => t.logger.lines.some((l) => l.includes("rebuild failed")),
      "the rebuild failure warning",
    );
    const warning = t.logger.lines.find((l) => l.includes("rebuild failed")) ?? "";
    expect(warning).toMatch(/ warn /);
    expect(warning).toMatch(/previous index/);
    expect(t.swaps).toHaveLength(0);
    expect(t.responder.current).toBe(t.initial);
    expect(firstText(t.responder.ask(QUESTION))).toContain("seventeen ships");

    // Fixing the folder brings the next rebuild through.
    const swapped = t.swapped();
    await fs.writeFile(seed, NEW);
    await swapped;
    expect(firstText(t.responder.ask(QUESTION))).toContain("forty-two ships");
  });

  it("reloads on demand without a watcher", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir, null);
    await fs.writeFile(seed, NEW);
    // No watcher: nothing changes until reload() is called.
    expect(firstText(t.responder.ask(QUESTION))).toContain("seventeen ships");
    const next = await t.responder.reload();
    expect(t.responder.current).toBe(next);
    expect(t.swaps).toEqual([next]);
    expect(firstText(t.responder.ask(QUESTION))).toContain("forty-two ships");
  });

  it("rejects reload() when the rebuild fails and keeps the old index", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir, null);
    await fs.writeFile(seed, new Uint8Array([0x00, 0x01, 0x02]));
    await expect(t.responder.reload()).rejects.toBeInstanceOf(SeedsError);
    expect(t.responder.current).toBe(t.initial);
    expect(firstText(t.responder.ask(QUESTION))).toContain("seventeen ships");
    // A later reload works once the folder is usable again.
    await fs.writeFile(seed, NEW);
    await t.responder.reload();
    expect(firstText(t.responder.ask(QUESTION))).toContain("forty-two ships");
  });

  it("shares one rebuild between reloads asked for while it runs", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir, null);
    const release = t.hold();
    await fs.writeFile(seed, NEW);
    const a = t.responder.reload();
    const b = t.responder.reload();
    release();
    const [na, nb] = await Promise.all([a, b]);
    expect(na).toBe(nb);
    expect(firstText(t.responder.ask(QUESTION))).toContain("forty-two ships");
  });

  it("stops watching after close()", async () => {
    const { dir, seed } = await seedsFolder();
    const closed = await start(dir);
    const probe = await start(dir); // same folder, same debounce, stays open
    closed.responder.close();
    const swapped = probe.swapped();
    await fs.writeFile(seed, NEW);
    // The open responder saw the change, debounced and rebuilt: the closed one would have too.
    await swapped;
    await new Promise((r) => setImmediate(r));
    expect(closed.opens()).toBe(0);
    expect(closed.responder.current).toBe(closed.initial);
    expect(firstText(closed.responder.ask(QUESTION))).toContain("seventeen ships");
    expect(firstText(probe.responder.ask(QUESTION))).toContain("forty-two ships");
  });
});

// Issue 13: `citebot ask` re-read every seed after answering (the initial responder was checked
// at once), which kept a one-shot process alive half a second longer at 1x.
describe("live responder's check of the initial seeds", () => {
  it("asks `changed` of the initial responder only after checkDelayMs, not at creation", async () => {
    const { dir } = await seedsFolder();
    const initial = await openCitebot({ seedsDir: dir, cacheDir: null });
    const asked = deferred<OpenedCitebot>();
    const responder = createLiveResponder({
      initial,
      open: () => openCitebot({ seedsDir: dir, cacheDir: null }),
      watchDir: null,
      checkDelayMs: 20,
      changed: (bot) => {
        asked.resolve(bot);
        return Promise.resolve([]);
      },
    });
    live.push(responder);
    let called = false;
    void asked.promise.then(() => (called = true));
    await new Promise((r) => setImmediate(r));
    expect(called).toBe(false);
    expect(await asked.promise).toBe(initial);
  });
});

// Issue 11 item 4: a checkout of 5,000 files made answers wait for half a minute, and the
// watcher died silently when the seeds folder was deleted and recreated.
describe("live responder under many changes", () => {
  it("rebuilds while changes keep coming, instead of waiting for a quiet moment that never comes", async () => {
    const { dir } = await seedsFolder();
    const t = await start(dir, dir, { debounceMs: 200, maxWaitMs: 400 });
    const swapped = t.swapped();
    let done = false;
    void swapped.then(() => (done = true));
    // A writer that never pauses as long as the debounce (git checkout, a sync tool).
    let i = 0;
    while (!done) {
      if (i >= 20_000) throw new Error("no rebuild while changes kept coming");
      await fs.writeFile(path.join(dir, `note-${i++ % 50}.txt`), `Note\n\nChange number ${i}.\n`);
      await new Promise((r) => setImmediate(r));
    }
    expect(t.opens()).toBe(1);
  });

  it("coalesces a burst during a rebuild into one more rebuild", async () => {
    const { dir } = await seedsFolder();
    const t = await start(dir);
    const release = t.hold();
    await fs.writeFile(path.join(dir, "first.txt"), "First\n\nThe first note.\n");
    await waitFor(() => t.opens() === 1, "the first rebuild to start");
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fs.writeFile(path.join(dir, `burst-${i}.txt`), `Burst\n\nThe burst wrote note ${i}.\n`),
      ),
    );
    const first = t.swapped();
    release();
    await first;
    const second = await t.swapped();
    expect(t.opens()).toBe(2);
    expect(second.documents()).toHaveLength(202);
  });

  it("watches the seeds folder again after it is deleted and recreated, and says so", async () => {
    const { dir, seed } = await seedsFolder();
    const t = await start(dir, dir, { recheckMs: 20 });
    await fs.rm(dir, { recursive: true, force: true });
    await waitFor(
      () => t.logger.lines.some((l) => l.includes("the seeds folder is gone")),
      "a warning that the folder is gone",
    );
    // Still answering from the previous index.
    expect(firstText(t.responder.ask(QUESTION))).toContain("seventeen ships");
    const swapped = t.swapped();
    await fs.mkdir(dir);
    await fs.writeFile(seed, NEW);
    const next = await swapped;
    expect(firstText(next.ask(QUESTION))).toContain("forty-two ships");
    // A rebuild scheduled by the deletion's own events can swap in the new text before the
    // periodic recheck re-arms the watcher, so the line is awaited, not expected at once.
    await waitFor(
      () => t.logger.lines.some((l) => /watching the seeds folder again/.test(l)),
      "a line saying the folder is watched again",
    );
    // And the re-armed watcher sees the next edit (the re-arm's own rebuild may swap first).
    await fs.writeFile(seed, OLD);
    await waitFor(() => {
      const answer = t.responder.ask(QUESTION);
      return answer.kind === "cited" && firstText(answer).includes("seventeen ships");
    }, "the edit made after re-arming to be answered");
  });
});

// Sanity check of the platform the watcher tests rely on.
describe("fs.watch", () => {
  it("reports a change in a watched folder", async () => {
    const { dir, seed } = await seedsFolder();
    const seen = deferred();
    const w = watch(dir, { recursive: true }, () => seen.resolve());
    try {
      await fs.writeFile(seed, NEW);
      await seen.promise;
    } finally {
      w.close();
    }
  });
});
