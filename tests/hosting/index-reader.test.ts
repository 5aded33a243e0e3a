import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  IndexNotBuiltError,
  createLogger,
  openLive,
  parseCoreConfig,
  type LiveCitebot,
} from "../../src/tools.ts";
import { Inbox } from "../helpers/fake-slack.ts";

let dir: string;
const open: LiveCitebot[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "citebot-readers-"));
  await writeFile(path.join(dir, "faq.md"), "# FAQ\n\nRefunds are paid within 14 days.\n");
});
afterEach(async () => {
  for (const bot of open.splice(0)) bot.close();
  await rm(dir, { recursive: true, force: true });
});

/** The settings of one process sharing the seeds and the index folder. */
const configOf = (mode: "build" | "read") => ({
  ...parseCoreConfig({
    SEEDS_DIR: dir,
    INDEX_CACHE_DIR: path.join(dir, ".index"),
    INDEX_MODE: mode,
  }),
  watchSeeds: false,
});

function logged() {
  const lines = new Inbox<string>();
  return { lines, logger: createLogger({ write: (line) => lines.push(line) }) };
}

describe("one index, many readers (INDEX_MODE=read)", () => {
  it("a reader waits for the builder's index, loads it and never indexes itself", async () => {
    const reader = logged();
    const starting = openLive(configOf("read"), reader.logger);
    await reader.lines.next((l) => l.includes("waiting for the index"));
    const builder = await openLive(configOf("build"), logged().logger);
    open.push(builder);
    const bot = await starting;
    open.push(bot);
    expect(bot.current.fromCache).toBe(true);
    expect(bot.ask("When are refunds paid?").kind).toBe("cited");
  });

  it("after the seeds change a reader keeps its index until the builder has written the new one", async () => {
    const builder = await openLive(configOf("build"), logged().logger);
    const reader = await openLive(configOf("read"), logged().logger);
    open.push(builder, reader);
    await writeFile(path.join(dir, "shipping.md"), "# Shipping\n\nParcels ship from Rotterdam.\n");
    await expect(reader.reload()).rejects.toThrow(IndexNotBuiltError);
    expect(reader.documents()).toHaveLength(1);
    await builder.reload();
    await reader.reload();
    expect(reader.documents()).toHaveLength(2);
    expect(reader.current.fromCache).toBe(true);
  });

  it("INDEX_MODE is checked at start-up: a typo, or read with the index folder off", () => {
    expect(() => parseCoreConfig({ INDEX_MODE: "reader" })).toThrow(/INDEX_MODE must be/);
    expect(() => parseCoreConfig({ INDEX_MODE: "read", INDEX_CACHE_DIR: "off" })).toThrow(
      /INDEX_CACHE_DIR/,
    );
    expect(parseCoreConfig({}).indexMode).toBe("build");
  });
});
