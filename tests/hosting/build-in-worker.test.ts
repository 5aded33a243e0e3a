import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryLogger, openCitebot, SeedsError } from "../../src/tools.ts";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `citebot-${prefix}-`));
  made.push(dir);
  return dir;
}

const QUESTIONS = [
  "How many ships did the lighthouse keeper count?",
  "Who built the stone bridge?",
  "How many apple trees grow in the orchard?",
  "Who built the stone brige?",
];

async function seeds(): Promise<string> {
  const dir = await tempDir("seeds");
  await fs.writeFile(
    path.join(dir, "harbour.md"),
    "# The Harbour\n\nThe lighthouse keeper counted seventeen ships in the harbour.\n",
  );
  await fs.writeFile(
    path.join(dir, "bridge.rst"),
    "Bridges\n=======\n\nThe stone bridge was built in 1842 by the river guild.\n",
  );
  await fs.writeFile(path.join(dir, "empty.txt"), "");
  return dir;
}

describe("building in a worker thread", () => {
  it("gives the same answers, warnings and persisted index as a build on the main thread", async () => {
    const seedsDir = await seeds();
    const cacheDir = await tempDir("cache");
    const logger = createMemoryLogger();
    const inWorker = await openCitebot({ seedsDir, cacheDir, logger, inWorker: true });
    const here = await openCitebot({ seedsDir, cacheDir: null });
    expect(inWorker.fromCache).toBe(false);
    expect(inWorker.corpus).toEqual(here.corpus);
    expect(QUESTIONS.map((q) => inWorker.ask(q))).toEqual(QUESTIONS.map((q) => here.ask(q)));
    expect(inWorker.warnings).toEqual(["skipped empty.txt: empty file"]);
    expect(logger.lines.filter((l) => l.includes(" warn "))).toHaveLength(1);
    const restored = await openCitebot({ seedsDir, cacheDir });
    expect(restored.fromCache).toBe(true);
    expect(QUESTIONS.map((q) => restored.ask(q))).toEqual(QUESTIONS.map((q) => here.ask(q)));
  });

  it("rejects with the seeds error a build on the main thread gives", async () => {
    const seedsDir = await tempDir("empty");
    await fs.writeFile(path.join(seedsDir, "empty.md"), "");
    const error = await openCitebot({ seedsDir, inWorker: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedsError);
    expect((error as Error).message).toMatch(/no usable document/);
  });
});
