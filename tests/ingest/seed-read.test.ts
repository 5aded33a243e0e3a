import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSeedBytes } from "../../src/ingest/seed-read.ts";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "citebot-read-"));
  made.push(dir);
  return dir;
}

const LIMITS = { maxBytes: 1000, timeoutMs: 10_000 };

describe("readSeedBytes", () => {
  it("reads a regular file with its size and time", async () => {
    const file = path.join(await tempDir(), "a.txt");
    await fs.writeFile(file, "hello");
    const read = await readSeedBytes(file, LIMITS);
    expect("bytes" in read && Buffer.from(read.bytes).toString()).toBe("hello");
    expect("size" in read && read.size).toBe(5);
  });

  it("refuses a character device whose size on disk is 0 (/dev/zero) without reading it", async () => {
    expect(await readSeedBytes("/dev/zero", LIMITS)).toEqual({
      reason: "not a regular file (a FIFO, socket or device)",
    });
  });

  it("refuses a FIFO at once, though no writer ever opens it", async () => {
    const fifo = path.join(await tempDir(), "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    expect(await readSeedBytes(fifo, LIMITS)).toEqual({
      reason: "not a regular file (a FIFO, socket or device)",
    });
  });

  it("refuses a file over the limit, naming MAX_SEED_BYTES", async () => {
    const file = path.join(await tempDir(), "big.txt");
    await fs.writeFile(file, "x".repeat(1001));
    const read = await readSeedBytes(file, LIMITS);
    expect("reason" in read && read.reason).toMatch(/^1001 bytes is over MAX_SEED_BYTES \(1000\)/);
  });

  it("refuses a path that is a symbolic link (a file swapped for a link after listing)", async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, "real.txt"), "hello");
    await fs.symlink("real.txt", path.join(dir, "link.txt"));
    await expect(readSeedBytes(path.join(dir, "link.txt"), LIMITS)).rejects.toMatchObject({
      code: "ELOOP",
    });
  });
});
