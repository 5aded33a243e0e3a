import { describe, expect, it } from "vitest";
import { createCitebotFromTexts } from "../../src/tools.ts";
import { createThreadStore } from "../../adapters/shared/threads.ts";

const bot = createCitebotFromTexts([
  { doc: "a.md", text: "# A\n\nThe bridge opened in 1901. The bridge cost a fortune.\n" },
]);
const answer = bot.ask("When did the bridge open?");

describe("thread store", () => {
  it("keeps each conversation's turns under its own key", () => {
    const store = createThreadStore();
    store.record("t1", answer);
    expect(store.get("t1")).toHaveLength(1);
    expect(store.has("t1")).toBe(true);
    expect(store.get("t2")).toEqual([]);
    expect(store.has("t2")).toBe(false);
  });

  it("forgets the least recently used conversation past its bound", () => {
    const store = createThreadStore({ maxThreads: 2 });
    store.record("old", answer);
    store.record("mid", answer);
    store.record("old", answer); // used again: now "mid" is the oldest
    store.record("new", answer);
    expect(store.has("mid")).toBe(false);
    expect(store.get("old")).toHaveLength(2);
    expect(store.has("new")).toBe(true);
  });

  it("keeps at most maxTurns turns of one conversation", () => {
    const store = createThreadStore({ maxTurns: 3 });
    for (let i = 0; i < 5; i++) store.record("t", answer);
    expect(store.get("t")).toHaveLength(3);
  });

  it("a 'more' adds to the last turn instead of starting one; drop forgets", () => {
    const store = createThreadStore();
    store.record("t", answer);
    const shown = store.get("t")[0]?.shown.length ?? 0;
    store.record("t", answer, true);
    expect(store.get("t")).toHaveLength(1);
    expect(store.get("t")[0]?.shown.length).toBeGreaterThan(shown);
    store.drop("t");
    expect(store.has("t")).toBe(false);
  });
});
