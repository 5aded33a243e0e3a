import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchFolder, type FolderWatch } from "../../src/hosting/folder-watch.ts";
import { createMemoryLogger } from "../../src/tools.ts";

const made: string[] = [];
const watches: FolderWatch[] = [];
afterEach(async () => {
  for (const w of watches.splice(0)) w.close();
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "citebot-watch-"));
  made.push(dir);
  return dir;
}

describe("watchFolder", () => {
  it("calls onChange when a seed is written in a sub-folder", async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, "guide"));
    const changed = new Promise<void>((resolve) => {
      watches.push(watchFolder({ dir, onChange: resolve, recheckMs: 50 }));
    });
    await fs.writeFile(path.join(dir, "guide", "bridge.md"), "# Bridges\n");
    await expect(changed).resolves.toBeUndefined();
  });

  // A folder removed between the index's open and the watch (a REPL's first moments) is gone,
  // not "not there yet": the index opened from it still answers.
  it("watches a folder that is gone at the start until it is back, and says so", async () => {
    const dir = path.join(await tempDir(), "seeds");
    const logger = createMemoryLogger();
    const back = new Promise<void>((resolve) => {
      watches.push(watchFolder({ dir, onChange: resolve, recheckMs: 20, logger }));
    });
    expect(logger.lines.join("\n")).toMatch(/the seeds folder is gone; still answering/);
    await fs.mkdir(dir);
    await back;
    expect(logger.lines.join("\n")).toMatch(/watching the seeds folder again/);
  });
});
