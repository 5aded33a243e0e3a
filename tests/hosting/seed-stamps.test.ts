import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stampSeeds } from "../../src/hosting/seed-stamps.ts";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe("stampSeeds", () => {
  it("stamps every seed of a folder larger than one batch of stats, in listing order", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "citebot-stamps-"));
    made.push(dir);
    await fs.mkdir(path.join(dir, "sub"));
    const names = Array.from(
      { length: 1203 },
      (_, i) => `sub/note-${String(i).padStart(4, "0")}.md`,
    );
    await Promise.all(names.map((n, i) => fs.writeFile(path.join(dir, n), "x".repeat(i % 7))));
    const stamps = await stampSeeds(dir);
    expect(stamps.map((s) => s.doc)).toEqual(names);
    for (const [i, s] of stamps.entries()) {
      const stat = await fs.stat(path.join(dir, names[i] ?? ""));
      expect(s).toEqual({ doc: names[i], size: i % 7, mtimeMs: stat.mtimeMs });
    }
  });
});
