import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLiveResponder,
  openCitebot,
  type Answer,
  type OpenedCitebot,
  createMemoryLogger,
} from "../../src/tools.ts";
import { execFileSync } from "node:child_process";
import { readIndexFile, writeIndexFile } from "../../src/hosting/index-file.ts";
import { align, MAGIC, PREFIX } from "../../src/hosting/index-file-layout.ts";
import { cacheFile, INDEX_FORMAT } from "../../src/hosting/persist.ts";

const made: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `citebot-${prefix}-`));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

const SEEDS: Record<string, string> = {
  "harbour.md":
    "# The Harbour\n\nThe lighthouse keeper counted seventeen ships in the harbour.\n\n" +
    "## Weather\n\nFog rolls in from the north sea every autumn morning. The keeper lights the lamp at dusk.\n",
  "orchard.txt":
    "The Orchard\n\nThe orchard grows forty apple trees and six pear trees. Bees from the village pollinate them in spring.\n",
  "guide/bridge.rst":
    "Bridges\n=======\n\nThe stone bridge was built in 1842 by the river guild.\n\n" +
    "Repairs\n-------\n\nMasons replaced the parapet after the flood of 1907.\n",
};

const QUESTIONS = [
  "How many ships did the lighthouse keeper count?",
  "When does fog roll in?",
  "How many apple trees grow in the orchard?",
  "Who built the stone bridge?",
  "When was the parapet replaced?",
  "What do bees pollinate?",
];

/** A seeds folder with SEEDS (or `files`) and an empty cache folder next to it. */
async function setup(files: Record<string, string> = SEEDS) {
  const seedsDir = await tempDir("seeds");
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(seedsDir, ...name.split("/"));
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
  const cacheDir = await tempDir("cache");
  return { seedsDir, cacheDir, file: cacheFile(cacheDir, seedsDir) };
}

async function open(seedsDir: string, cacheDir: string | null) {
  const logger = createMemoryLogger();
  const bot = await openCitebot({ seedsDir, cacheDir, logger });
  return { bot, logger, warnings: logger.lines.filter((l) => l.includes(" warn ")) };
}

const answersOf = (bot: OpenedCitebot): Answer[] => QUESTIONS.map((q) => bot.ask(q));

function firstText(answer: Answer): string {
  if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
  return answer.excerpts[0]?.text ?? "";
}

describe("persisted index round trip", () => {
  it("builds and writes the index on the first open, restores it on the second", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    const first = await open(seedsDir, cacheDir);
    expect(first.bot.fromCache).toBe(false);
    expect(first.warnings).toEqual([]);
    await expect(fs.stat(file)).resolves.toBeTruthy();
    // No temp file is left next to the index.
    expect(await fs.readdir(cacheDir)).toEqual([path.basename(file)]);

    const second = await open(seedsDir, cacheDir);
    expect(second.bot.fromCache).toBe(true);
    expect(second.warnings).toEqual([]);
    expect(second.bot.documents()).toEqual(first.bot.documents());
    expect(second.bot.corpus).toEqual(first.bot.corpus);
    const texts = (bot: typeof first.bot) => bot.corpus.documents.map((d) => d.text);
    expect(texts(second.bot)).toEqual(texts(first.bot));
    expect(second.bot.stats).toEqual(first.bot.stats);
  });

  it("answers identically from the restored index: same excerpts, offsets and phrases", async () => {
    const { seedsDir, cacheDir } = await setup();
    const built = await open(seedsDir, cacheDir);
    const restored = await open(seedsDir, cacheDir);
    expect(restored.bot.fromCache).toBe(true);
    const a = answersOf(built.bot);
    const b = answersOf(restored.bot);
    expect(a.filter((x) => x.kind === "cited").length).toBeGreaterThanOrEqual(5);
    expect(b).toEqual(a);
    // Also identical to a bot that never saw a cache.
    const plain = await open(seedsDir, null);
    expect(b).toEqual(answersOf(plain.bot));
    // Misspellings go through the restored vocabulary too.
    expect(restored.bot.ask("How many shps did the keeper count?")).toEqual(
      built.bot.ask("How many shps did the keeper count?"),
    );
    for (const answer of b) {
      if (answer.kind !== "cited") continue;
      for (const e of answer.excerpts) {
        const text = await fs.readFile(path.join(seedsDir, ...e.doc.split("/")), "utf8");
        expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it("does not write anything when persistence is off", async () => {
    const { seedsDir, cacheDir } = await setup();
    const off = await open(seedsDir, null);
    expect(off.bot.fromCache).toBe(false);
    expect(await fs.readdir(cacheDir)).toEqual([]);
  });
});

describe("stale persisted index", () => {
  /** Opens twice (build, then restore), applies `change`, opens again: must rebuild. */
  async function afterChange(change: (seedsDir: string) => Promise<void>) {
    const { seedsDir, cacheDir } = await setup();
    await open(seedsDir, cacheDir);
    expect((await open(seedsDir, cacheDir)).bot.fromCache).toBe(true);
    await change(seedsDir);
    const after = await open(seedsDir, cacheDir);
    expect(after.bot.fromCache).toBe(false);
    // The rebuilt index is what a fresh build gives, and is persisted in its turn.
    const fresh = await open(seedsDir, null);
    expect(answersOf(after.bot)).toEqual(answersOf(fresh.bot));
    expect(after.bot.corpus).toEqual(fresh.bot.corpus);
    const again = await open(seedsDir, cacheDir);
    expect(again.bot.fromCache).toBe(true);
    expect(again.warnings).toEqual([]);
    return { seedsDir, after };
  }

  it("rebuilds when a seed's content and size change", async () => {
    const { after } = await afterChange((dir) =>
      fs.writeFile(
        path.join(dir, "orchard.txt"),
        "The Orchard\n\nThe orchard now grows ninety-nine plum trees.\n",
      ),
    );
    expect(after.warnings.join("\n")).toMatch(/rebuilding the index/);
    expect(firstText(after.bot.ask("How many plum trees grow in the orchard?"))).toBe(
      "The orchard now grows ninety-nine plum trees.",
    );
  });

  it("rebuilds when a seed changes with the same size (new modification time)", async () => {
    const original = SEEDS["orchard.txt"] ?? "";
    const edited = original.replace("forty apple", "fifty apple");
    expect(edited.length).toBe(original.length);
    const { after } = await afterChange(async (dir) => {
      const file = path.join(dir, "orchard.txt");
      const before = await fs.stat(file);
      await fs.writeFile(file, edited);
      // Make sure the modification time moves even on coarse-grained file systems.
      const later = new Date(before.mtimeMs + 5_000);
      await fs.utimes(file, later, later);
    });
    expect(firstText(after.bot.ask("How many apple trees grow in the orchard?"))).toContain(
      "fifty apple trees",
    );
  });

  // A content edit that keeps the size and the modification time (a tool restoring mtimes, two
  // writes within the file system's timestamp granularity) must not let the old passages be
  // trusted for long. A restart reads no seed (size and time decide), so the restored bot quotes
  // the indexed text, verbatim and consistently; a background check then finds the edit and a
  // live front end rebuilds.
  it("finds a seed whose content changed but not its size or modification time, and rebuilds", async () => {
    const original = SEEDS["orchard.txt"] ?? "";
    const edited = original.replace("forty apple", "fifty apple");
    expect(edited.length).toBe(original.length);
    const { seedsDir, cacheDir } = await setup();
    const file = path.join(seedsDir, "orchard.txt");
    // A whole-second mtime can be restored exactly (sub-millisecond times cannot, via utimes).
    await fs.utimes(file, 1_700_000_000, 1_700_000_000);
    await open(seedsDir, cacheDir);
    const unchanged = await open(seedsDir, cacheDir);
    expect(unchanged.bot.fromCache).toBe(true);
    expect(await unchanged.bot.changedSeeds()).toEqual([]);
    const before = await fs.stat(file);
    await fs.writeFile(file, edited);
    await fs.utimes(file, 1_700_000_000, 1_700_000_000);
    const now = await fs.stat(file);
    expect([now.size, now.mtimeMs]).toEqual([before.size, before.mtimeMs]);

    const restored = await open(seedsDir, cacheDir);
    expect(restored.bot.fromCache).toBe(true);
    expect(await restored.bot.changedSeeds()).toEqual(["orchard.txt"]);
    const swapped = new Promise<OpenedCitebot>((resolve) => {
      const live = createLiveResponder<OpenedCitebot>({
        initial: restored.bot,
        open: async () => (await open(seedsDir, cacheDir)).bot,
        watchDir: null,
        debounceMs: 0,
        changed: (bot) => bot.changedSeeds(),
        logger: restored.logger,
        onSwap: (next) => {
          live.close();
          resolve(next);
        },
      });
    });
    const rebuilt = await swapped;
    expect(restored.logger.lines.join("\n")).toMatch(
      /changed without a new size or time \(orchard.txt\)/,
    );
    expect(firstText(rebuilt.ask("How many apple trees grow in the orchard?"))).toContain(
      "fifty apple trees",
    );
  });

  it("rebuilds when only the modification time changes", async () => {
    await afterChange(async (dir) => {
      const file = path.join(dir, "harbour.md");
      const later = new Date((await fs.stat(file)).mtimeMs + 60_000);
      await fs.utimes(file, later, later);
    });
  });

  it("rebuilds when a seed is added", async () => {
    const { after } = await afterChange((dir) =>
      fs.writeFile(
        path.join(dir, "mill.md"),
        "# The Mill\n\nThe windmill grinds barley for the bakery.\n",
      ),
    );
    expect(after.bot.documents().map((d) => d.doc)).toContain("mill.md");
    expect(firstText(after.bot.ask("What does the windmill grind?"))).toBe(
      "The windmill grinds barley for the bakery.",
    );
  });

  it("rebuilds when a seed is removed", async () => {
    const { after } = await afterChange((dir) => fs.rm(path.join(dir, "guide", "bridge.rst")));
    expect(after.bot.documents().map((d) => d.doc)).not.toContain("guide/bridge.rst");
    expect(after.bot.ask("Who built the stone bridge?").kind).toBe("not_found");
  });

  it("rebuilds when a seed is renamed (same content, other name)", async () => {
    const { after } = await afterChange((dir) =>
      fs.rename(path.join(dir, "orchard.txt"), path.join(dir, "trees.txt")),
    );
    const answer = after.bot.ask("How many apple trees grow in the orchard?");
    if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
    expect(answer.excerpts[0]?.doc).toBe("trees.txt");
  });

  it("keeps one index per seeds folder in a shared cache folder", async () => {
    const a = await setup();
    const b = await setup({ "other.md": "# Other\n\nThe ferry leaves at noon.\n" });
    await open(a.seedsDir, a.cacheDir);
    await open(b.seedsDir, a.cacheDir);
    const ra = await open(a.seedsDir, a.cacheDir);
    const rb = await open(b.seedsDir, a.cacheDir);
    expect([ra.bot.fromCache, rb.bot.fromCache]).toEqual([true, true]);
    expect(rb.bot.documents().map((d) => d.doc)).toEqual(["other.md"]);
    expect(ra.bot.documents()).toHaveLength(3);
  });
});

describe("corrupt persisted index", () => {
  /** Builds a valid cache, lets `corrupt` rewrite it, then opens: one warning, rebuild, no throw. */
  async function afterCorruption(corrupt: (valid: Buffer) => Buffer | string | Promise<Buffer>) {
    const { seedsDir, cacheDir, file } = await setup();
    const built = await open(seedsDir, cacheDir);
    const valid = await fs.readFile(file);
    await fs.writeFile(file, await corrupt(valid));
    const after = await open(seedsDir, cacheDir);
    expect(after.bot.fromCache).toBe(false);
    expect(after.warnings).toHaveLength(1);
    expect(after.warnings[0]).toMatch(/rebuilding the index/);
    expect(answersOf(after.bot)).toEqual(answersOf(built.bot));
    // The rebuild replaced the bad file with a good one.
    const again = await open(seedsDir, cacheDir);
    expect(again.bot.fromCache).toBe(true);
    expect(answersOf(again.bot)).toEqual(answersOf(built.bot));
    return after.warnings[0] ?? "";
  }

  it("survives garbage bytes", async () => {
    expect(await afterCorruption(() => "\u0000\u0001 definitely not an index")).toMatch(
      /not a citebot index/,
    );
  });

  it("survives an empty file", async () => {
    await afterCorruption(() => "");
  });

  it.each([0.01, 0.5, 0.99])("survives a file truncated to %d of its length", async (share) => {
    expect(
      await afterCorruption((valid) => valid.subarray(0, Math.floor(valid.length * share))),
    ).toMatch(/truncated|corrupt|not a citebot index/);
  });

  it("survives a JSON index of an older citebot", async () => {
    await afterCorruption(() => JSON.stringify({ magic: "citebot-index", format: 2, key: "x" }));
  });

  it("survives a different format number", async () => {
    const warning = await afterCorruption((valid) => {
      const copy = Buffer.from(valid);
      copy.writeUInt32LE(999, 16);
      return copy;
    });
    expect(warning).toMatch(/another citebot version/);
  });

  // Issue 11: 95% of single-byte flips in the JSON cache loaded without a warning, and some
  // answers then cited other sentences. Every section is checksummed now; a document's text is
  // read and checked (its own checksum) when it is first asked for, not at open.
  it("refuses a file with any single byte changed, wherever it is", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    const built = await open(seedsDir, cacheDir);
    const valid = await fs.readFile(file);
    const expected = answersOf(built.bot);
    const texts = (bot: OpenedCitebot) => bot.corpus.documents.map((d) => d.text);
    const where = await textBytes(file);
    const positions = Array.from({ length: 24 }, (_, i) => Math.floor((valid.length * i) / 24));
    const kinds = new Set<string>();
    for (const at of positions) {
      const copy = Buffer.from(valid);
      copy[at] = (copy[at] ?? 0) ^ 0x20;
      await fs.writeFile(file, copy);
      const after = await open(seedsDir, cacheDir);
      const inText = where.texts.some(([from, to]) => at >= from && at < to);
      const inPadding = !inText && at >= where.start;
      kinds.add(inText ? "text" : inPadding ? "padding" : "checked at open");
      if (inText || inPadding) {
        // Opened from the file; the text is checked when read, and read from its seed instead.
        expect(after.bot.fromCache).toBe(true);
        expect(texts(after.bot)).toEqual(texts(built.bot));
        expect(answersOf(after.bot)).toEqual(expected);
        const warned = after.logger.lines.filter((l) => l.includes(" warn "));
        if (inPadding) expect(warned).toEqual([]);
        else {
          expect(warned).toHaveLength(1);
          expect(warned[0]).toMatch(/copy of .* is corrupt; read the seed file instead/);
          // The bad file is dropped, so the next start rebuilds it.
          await vi.waitFor(() => expect(fs.stat(file)).rejects.toThrow());
        }
        continue;
      }
      expect(after.bot.fromCache).toBe(false);
      expect(after.warnings).toHaveLength(1);
      expect(after.warnings[0]).toMatch(/rebuilding the index/);
      expect(answersOf(after.bot)).toEqual(expected);
    }
    expect(kinds.has("text") && kinds.has("checked at open")).toBe(true);
  });

  /**
   * Indexes `seeds`, flips a byte in the first document's persisted text, rewrites that seed
   * with `edit` keeping its size and time (so the index still looks current), and reopens.
   */
  async function corruptFirstText(seeds: Record<string, string>, edit: (text: string) => string) {
    const { seedsDir, cacheDir, file } = await setup(seeds);
    // A whole-second time survives utimes exactly (the cache key holds modification times).
    const [name = ""] = Object.keys(seeds).sort();
    const seed = path.join(seedsDir, ...name.split("/"));
    await fs.utimes(seed, 1e9, 1e9);
    const built = await open(seedsDir, cacheDir);
    if (built.bot.corpus.documents[0]?.doc !== name) throw new Error("not the first seed");
    const [from] = (await textBytes(file)).texts[0] ?? [0];
    const copy = await fs.readFile(file);
    copy[from] = (copy[from] ?? 0) ^ 0x20;
    await fs.writeFile(file, copy);
    const text = await fs.readFile(seed, "utf8");
    const edited = edit(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    await fs.writeFile(seed, edited);
    await fs.utimes(seed, 1e9, 1e9);
    const after = await open(seedsDir, cacheDir);
    expect(after.bot.fromCache).toBe(true);
    return { after, seedsDir, cacheDir, file };
  }

  it("says what is wrong when a corrupt text's seed file has changed too, and rebuilds next", async () => {
    const { after, seedsDir, cacheDir, file } = await corruptFirstText(SEEDS, (t) =>
      t.replace(/[a-z]/, (c) => (c === "x" ? "y" : "x")),
    );
    expect(() => after.bot.corpus.documents[0]?.text).toThrow(
      /persisted index is corrupt: .* does not match its checksum, and its seed file has changed since; delete the cache folder's index file/,
    );
    expect(after.logger.lines.filter((l) => l.includes(" warn "))).toEqual([
      expect.stringMatching(
        /copy of .* is corrupt and the seed file changed since; it cannot be quoted until the index is rebuilt/,
      ),
    ]);
    // The file is dropped, so the next start rebuilds from the seeds as they are now.
    await vi.waitFor(() => expect(fs.stat(file)).rejects.toThrow());
    const next = await open(seedsDir, cacheDir);
    expect(next.bot.fromCache).toBe(false);
  });

  // latin1 keeps a character's low byte only: "é" (U+00E9) edited to "ǩ" (U+01E9) has the same
  // UTF-8 size and the same latin1 bytes, and must not pass for the text indexed.
  it("does not take a seed edited past latin1 for a one-byte text it matches byte for byte", async () => {
    const seeds = { "cafe.md": "# The Café\n\nThe café by the harbour opened in 1901.\n" };
    const { after } = await corruptFirstText(seeds, (t) => t.replace("café", "cafǩ"));
    expect(() => after.bot.corpus.documents[0]?.text).toThrow(/persisted index is corrupt/);
  });

  it("finds a corrupt text's changed seed in the background check, without throwing", async () => {
    const { after } = await corruptFirstText(SEEDS, (t) =>
      t.replace(/[a-z]/, (c) => (c === "x" ? "y" : "x")),
    );
    const [first] = Object.keys(SEEDS).sort();
    await expect(after.bot.changedSeeds()).resolves.toEqual([first]);
  });

  it("checks unchanged seeds in the background without reading the index's texts", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    await open(seedsDir, cacheDir);
    const restored = await open(seedsDir, cacheDir);
    expect(restored.bot.fromCache).toBe(true);
    // Rewritten in place, the open file now has a corrupt text: reading it would warn.
    const [from] = (await textBytes(file)).texts[0] ?? [0];
    const copy = await fs.readFile(file);
    copy[from] = (copy[from] ?? 0) ^ 0x20;
    await fs.writeFile(file, copy);
    await expect(restored.bot.changedSeeds()).resolves.toEqual([]);
    expect(restored.logger.lines.filter((l) => l.includes(" warn "))).toEqual([]);
  });

  it("reads a corrupt text of a followed link from the file the link leads to", async () => {
    const { seedsDir, cacheDir, file } = await setup({
      "real/orchard.txt": SEEDS["orchard.txt"] ?? "",
    });
    await fs.symlink(path.join(seedsDir, "real", "orchard.txt"), path.join(seedsDir, "a-link.txt"));
    const logger = createMemoryLogger();
    const opts = { seedsDir, cacheDir, logger, followLinks: "inside" as const };
    const built = await openCitebot(opts);
    expect(built.corpus.documents.map((d) => d.doc)).toEqual(["a-link.txt", "real/orchard.txt"]);
    const [from] = (await textBytes(file)).texts[0] ?? [0];
    const copy = await fs.readFile(file);
    copy[from] = (copy[from] ?? 0) ^ 0x20;
    await fs.writeFile(file, copy);
    const after = await openCitebot(opts);
    expect(after.fromCache).toBe(true);
    expect(after.corpus.documents[0]?.text).toBe(built.corpus.documents[0]?.text);
    expect(logger.lines.filter((l) => l.includes(" warn "))).toEqual([
      expect.stringMatching(/copy of a-link\.txt is corrupt; read the seed file instead/),
    ]);
  });

  // Checksums hold, but the content is inconsistent (a writer's bug or a crafted file).
  it.each<[string, string, (bytes: Buffer) => Buffer]>([
    ["a passage of an unknown document", "passages", (b) => withU32(b, 0, 99)],
    ["passage offsets beyond the text", "passages", (b) => withU32(b, 2, 1e9)],
    ["a posting of an unknown passage", "docs0", (b) => withU32(b, 0, 1e6)],
    ["fewer field lengths than passages", "lengths0", (b) => b.subarray(0, 4)],
    ["a documents list that is not JSON", "documents", () => Buffer.from("[1, 2")],
    ["texts shorter than recorded", "text0", (b) => b.subarray(0, 10)],
    ["terms that do not fit their starts", "terms", () => Buffer.from("{")],
  ])("survives a well-checksummed file with %s", async (_name, section, mutate) => {
    await afterCorruption((valid) => rewriteSection(valid, section, mutate));
  });

  // Section headings are parsed when a passage is first read, not at open (a restart's cost).
  it("says what is wrong when the section headings of a well-checksummed file do not fit", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    await open(seedsDir, cacheDir);
    await fs.writeFile(
      file,
      await rewriteSection(await fs.readFile(file), "sections", () => Buffer.from("[]")),
    );
    const after = await open(seedsDir, cacheDir);
    expect(after.bot.fromCache).toBe(true);
    expect(() => after.bot.corpus.passages[0]?.section).toThrow(
      /persisted index is corrupt: its section headings do not fit/,
    );
  });

  it("does not hang on a FIFO where the cache file should be, and replaces it", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    execFileSync("mkfifo", [file]);
    const { bot, warnings } = await open(seedsDir, cacheDir);
    expect(bot.fromCache).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/rebuilding the index: .* not a regular file/);
    expect((await fs.stat(file)).isFile()).toBe(true);
    expect((await open(seedsDir, cacheDir)).bot.fromCache).toBe(true);
  });
});

describe("bounded cache", () => {
  it("keeps an index over the size bound in memory only, with one warning", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    const logger = createMemoryLogger();
    const bot = await openCitebot({ seedsDir, cacheDir, logger, maxCacheBytes: 2000 });
    const warnings = logger.lines.filter((l) => l.includes(" warn "));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not persisting the index: .* over the cache bound of 2000/);
    expect(firstText(bot.ask("Who built the stone bridge?"))).toContain("1842");
    await expect(fs.stat(file)).rejects.toThrow();
    expect(await fs.readdir(cacheDir)).toEqual([]);
  });

  it("does not read a cache file over the bound", async () => {
    const { seedsDir, cacheDir } = await setup();
    await open(seedsDir, cacheDir);
    const logger = createMemoryLogger();
    const bot = await openCitebot({ seedsDir, cacheDir, logger, maxCacheBytes: 3000 });
    expect(bot.fromCache).toBe(false);
    expect(logger.lines.join("\n")).toMatch(/bytes is over the cache bound of 3000/);
  });
});

describe("unusable cache folder", () => {
  it("warns and still answers when the cache folder is a file", async () => {
    const { seedsDir } = await setup();
    const parent = await tempDir("cachefile");
    const notADir = path.join(parent, "cache");
    await fs.writeFile(notADir, "I am a file");
    const { bot, warnings } = await open(seedsDir, notADir);
    expect(bot.fromCache).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not persist the index/);
    expect(firstText(bot.ask("How many apple trees grow in the orchard?"))).toContain(
      "forty apple trees",
    );
    expect(await fs.readFile(notADir, "utf8")).toBe("I am a file");
  });

  it("warns and still answers when the cache file path is a folder", async () => {
    const { seedsDir, cacheDir, file } = await setup();
    await fs.mkdir(file, { recursive: true });
    const { bot, warnings } = await open(seedsDir, cacheDir);
    expect(bot.fromCache).toBe(false);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.join("\n")).toMatch(/could not persist the index/);
    expect(bot.ask("Who built the stone bridge?").kind).toBe("cited");
  });
});

/** `bytes` with the little-endian u32 at index `at` set to `value`. */
function withU32(bytes: Buffer, at: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(value, at * 4);
  return copy;
}

/**
 * Where the file's text sections are ([from, to) of each, padding left out) and where the
 * sections begin, from its header.
 */
async function textBytes(file: string): Promise<{ start: number; texts: [number, number][] }> {
  const bytes = await fs.readFile(file);
  const headLength = bytes.readUInt32LE(MAGIC.length + 4);
  const start = align(PREFIX + headLength + 4);
  const header = JSON.parse(bytes.toString("utf8", PREFIX, PREFIX + headLength)) as {
    sections: { name: string; offset: number; bytes: number }[];
  };
  const texts = header.sections
    .filter((s) => s.name.startsWith("text"))
    .map((s): [number, number] => [start + s.offset, start + s.offset + s.bytes]);
  return { start: Math.min(...texts.map(([from]) => from)), texts };
}

/** A valid index file with one section replaced, checksums recomputed. */
async function rewriteSection(valid: Buffer, name: string, mutate: (b: Buffer) => Buffer) {
  const dir = await tempDir("rewrite");
  const from = path.join(dir, "in.bin");
  const to = path.join(dir, "out.bin");
  await fs.writeFile(from, valid);
  const f = await readIndexFile(from, INDEX_FORMAT, Infinity, () => null);
  if (!f) throw new Error("no file");
  const { sections, ...header } = f.header as { sections: { name: string }[] };
  await writeIndexFile(
    to,
    INDEX_FORMAT,
    header,
    sections.map((s) => ({
      name: s.name,
      chunks: [s.name === name ? mutate(f.section(s.name)) : f.section(s.name)],
    })),
    Infinity,
  );
  await f.close();
  return fs.readFile(to);
}
