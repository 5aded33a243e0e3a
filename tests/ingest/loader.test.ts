import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  SeedsError,
  openCitebot,
  type Excerpt,
  createMemoryLogger,
  loadSeeds,
} from "../../src/tools.ts";

const made: string[] = [];

/** A fresh temporary seeds folder holding `files` (path → contents). */
async function seedsFolder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "citebot-loader-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, ...name.split("/"));
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

const GOOD = "A good seed\n\nThe lighthouse keeper counted seventeen ships in the harbour.\n";

function firstExcerpt(answer: ReturnType<Awaited<ReturnType<typeof openCitebot>>["ask"]>): Excerpt {
  if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
  const first = answer.excerpts[0];
  if (!first) throw new Error("answer without excerpts");
  return first;
}

describe("titles", () => {
  it("takes a Markdown document's first heading, without its markup", async () => {
    const dir = await seedsFolder({
      "guide.md":
        "Some preface text.\n\n# The *Harbour* Guide\n\nShips dock at the pier.\n\n## Later\n\nMore.\n",
    });
    const bot = await openCitebot({ seedsDir: dir });
    expect(bot.documents()).toEqual([
      expect.objectContaining({ doc: "guide.md", title: "The Harbour Guide" }),
    ]);
  });

  it("takes a text file's first non-empty line", async () => {
    const dir = await seedsFolder({
      "news.txt": "\n\n  Harbour reopens after storm  \n\nThe harbour reopened on Monday.\n",
    });
    const bot = await openCitebot({ seedsDir: dir });
    expect(bot.documents()[0]?.title).toBe("Harbour reopens after storm");
  });

  it("falls back to the file name when a Markdown file has no heading", async () => {
    const dir = await seedsFolder({ "notes/ship-log.md": "The ship left at dawn.\n" });
    const bot = await openCitebot({ seedsDir: dir });
    expect(bot.documents()[0]).toMatchObject({ doc: "notes/ship-log.md", title: "ship-log" });
  });

  it("uses the bundled seed's headline as its title", async () => {
    const bot = await openCitebot({ seedsDir: path.resolve("seeds") });
    expect(bot.documents()).toEqual([
      {
        doc: "000_887bfa2e2a327b24.txt",
        title: "Japan rejects South Korean call for extra steps over 'comfort women'",
        passages: expect.any(Number),
      },
    ]);
  });
});

describe("paragraphs and offsets", () => {
  it("makes one passage per blank-line-separated paragraph and numbers them", async () => {
    const dir = await seedsFolder({
      "a.txt":
        "Title line\n\nFirst paragraph about apples.\n\nSecond paragraph about bananas.\nIt continues here.\n\n\n\nThird paragraph about cherries.\n",
    });
    const bot = await openCitebot({ seedsDir: dir });
    expect(bot.stats.passages).toBe(3);
    expect(bot.documents()[0]?.passages).toBe(3);
    const cherries = firstExcerpt(bot.ask("cherries paragraph"));
    expect(cherries.text).toBe("Third paragraph about cherries.");
    expect(cherries.paragraph).toBe(4);
    expect(cherries.line).toBe(10); // title, blank, 1st, blank, 2nd (two lines), three blanks
  });

  it("cites offsets that round-trip: text.slice(start, end) is the excerpt", async () => {
    const text =
      "Harbour notes\n\nThe lighthouse was built in 1871. Its lamp burned whale oil.\n\nThe keeper, Mr. Jones, lived there for 40 years.\n";
    const dir = await seedsFolder({ "sub/notes.txt": text });
    const bot = await openCitebot({ seedsDir: dir });
    for (const q of [
      "When was the lighthouse built?",
      "What did the lamp burn?",
      "Who lived there?",
    ]) {
      const answer = bot.ask(q);
      expect(answer.kind, q).toBe("cited");
      if (answer.kind !== "cited") continue;
      for (const e of answer.excerpts) {
        expect(e.doc).toBe("sub/notes.txt");
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.line).toBe(text.slice(0, e.start).split("\n").length);
      }
    }
  });

  it("strips a UTF-8 BOM and handles CRLF line endings", async () => {
    const body =
      "Storm report\r\n\r\nThe storm flooded the northern quay.\r\nBoats were moved inland.\r\n\r\nRepairs cost ninety thousand pounds.\r\n";
    const dir = await seedsFolder({
      "crlf.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]),
    });
    const { files, warnings } = await loadSeeds(dir);
    expect(warnings).toEqual([]);
    expect(files[0]?.text).toBe(body);
    const bot = await openCitebot({ seedsDir: dir });
    expect(bot.documents()[0]?.title).toBe("Storm report");
    expect(bot.stats.passages).toBe(2);
    const e = firstExcerpt(bot.ask("What did the repairs cost?"));
    expect(e.text).toBe("Repairs cost ninety thousand pounds.");
    expect(body.slice(e.start, e.end)).toBe(e.text);
    expect(e.line).toBe(6);
    const flood = firstExcerpt(bot.ask("What did the storm flood?"));
    expect(flood.text).not.toMatch(/\r/);
    expect(body.slice(flood.start, flood.end)).toBe(flood.text);
  });
});

describe("finding files", () => {
  it("reads .txt and .md files recursively in a stable, path-sorted order", async () => {
    // Written out of order on purpose: the order must not depend on creation or readdir order.
    const dir = await seedsFolder({
      "z/last.txt": GOOD,
      "b/z.md": "# Z\n\nZed.\n",
      "b/a.txt": GOOD,
      "a.md": "# A\n\nAy.\n",
      "B.txt": GOOD,
      "ignored.pdf": "not a seed",
      "image.png": "not a seed",
      ".hidden.txt": GOOD,
      "node_modules/pkg/readme.md": "# Pkg\n\nNot a seed.\n",
    });
    const first = await loadSeeds(dir);
    expect(first.files.map((f) => f.doc)).toEqual([
      "B.txt",
      "a.md",
      "b/a.txt",
      "b/z.md",
      "z/last.txt",
    ]);
    expect(first.files.map((f) => f.format)).toEqual([
      "text",
      "markdown",
      "text",
      "markdown",
      "text",
    ]);
    const again = await loadSeeds(dir);
    expect(again.files.map((f) => f.doc)).toEqual(first.files.map((f) => f.doc));
  });
});

describe("bad seed files are skipped with one warning each", () => {
  const cases: { name: string; file: string; content: string | Uint8Array; reason: RegExp }[] = [
    {
      name: "a binary file (NUL bytes)",
      file: "binary.txt",
      content: Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x0a]),
      reason: /binary|NUL/i,
    },
    {
      name: "invalid UTF-8",
      file: "latin1.txt",
      content: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9, 0x0a]),
      reason: /UTF-8/,
    },
    { name: "an empty file", file: "empty.md", content: "", reason: /empty/i },
    {
      name: "a white-space-only file",
      file: "blank.txt",
      content: " \n\t\n",
      reason: /white space|empty/i,
    },
  ];

  for (const c of cases) {
    it(`skips ${c.name} and keeps the good ones`, async () => {
      const dir = await seedsFolder({ "good.txt": GOOD, [c.file]: c.content });
      const logger = createMemoryLogger();
      const bot = await openCitebot({ seedsDir: dir, logger });
      expect(bot.documents().map((d) => d.doc)).toEqual(["good.txt"]);
      expect(bot.warnings).toHaveLength(1);
      expect(bot.warnings[0]).toContain(c.file);
      expect(bot.warnings[0]).toMatch(c.reason);
      expect(logger.lines).toHaveLength(1);
      expect(logger.lines[0]).toContain(c.file);
      expect(bot.ask("What did the lighthouse keeper count?").kind).toBe("cited");
    });
  }

  it("skips a file over the size limit, naming the limit", async () => {
    const big = "Big file\n\n" + "The harbour is very large. ".repeat(100);
    const dir = await seedsFolder({ "good.txt": GOOD, "big.txt": big });
    const { files, warnings } = await loadSeeds(dir, { maxSeedBytes: 1000 });
    expect(files.map((f) => f.doc)).toEqual(["good.txt"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("big.txt");
    expect(warnings[0]).toMatch(/MAX_SEED_BYTES|limit/);
    const within = await loadSeeds(dir, { maxSeedBytes: 1_000_000 });
    expect(within.files.map((f) => f.doc)).toEqual(["big.txt", "good.txt"]);
  });

  it("skips a dangling symlink, naming it", async () => {
    const dir = await seedsFolder({ "good.txt": GOOD });
    await fs.symlink(path.join(dir, "nowhere", "gone.txt"), path.join(dir, "broken.txt"));
    const { files, warnings } = await loadSeeds(dir, { followLinks: "inside" });
    expect(files.map((f) => f.doc)).toEqual(["good.txt"]);
    expect(warnings).toEqual(["skipped broken.txt: a broken symbolic link"]);
  });

  it("does not mistake a folder named like a seed for a file", async () => {
    const dir = await seedsFolder({
      "good.txt": GOOD,
      "folder.txt/inner.md": "# Inner\n\nInside.\n",
    });
    const { files, warnings } = await loadSeeds(dir);
    expect(files.map((f) => f.doc)).toEqual(["folder.txt/inner.md", "good.txt"]);
    expect(warnings).toEqual([]);
  });
});

describe("unusable seeds folder", () => {
  async function rejection(dir: string): Promise<SeedsError> {
    const err: unknown = await openCitebot({ seedsDir: dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SeedsError);
    return err as SeedsError;
  }

  it("names a missing folder and says what to do", async () => {
    const parent = await seedsFolder();
    const missing = path.join(parent, "no-such-seeds");
    const err = await rejection(missing);
    expect(err.message).toContain(missing);
    expect(err.message).toMatch(/SEEDS_DIR|create/);
  });

  it("names a SEEDS_DIR that is a file", async () => {
    const parent = await seedsFolder({ "plain.txt": GOOD });
    const file = path.join(parent, "plain.txt");
    const err = await rejection(file);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/not a folder|is a file/);
  });

  it("names a folder with no seed files at all", async () => {
    const dir = await seedsFolder({ "readme.pdf": "x" });
    const err = await rejection(dir);
    expect(err.message).toContain(dir);
  });

  it("names a folder whose every seed is unusable, with the reasons", async () => {
    const dir = await seedsFolder({ "empty.txt": "", "nul.md": Buffer.from([0x41, 0x00]) });
    const err = await rejection(dir);
    expect(err.message).toContain(dir);
    expect(err.message).toContain("empty.txt");
    expect(err.message).toContain("nul.md");
  });
});
