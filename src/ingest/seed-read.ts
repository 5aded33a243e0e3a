import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from "node:fs";

/** Bytes of one seed file, or why it was not read. */
export type SeedBytes = { bytes: Uint8Array; size: number; mtimeMs: number } | { reason: string };

/** Limits of {@link readSeedBytes}. */
export interface ReadLimits {
  /** Larger files are refused, counted by bytes actually read (a device reports size 0). */
  maxBytes: number;
  /** A read that takes longer (a stalled network mount) is abandoned. */
  timeoutMs: number;
}

const CHUNK = 64 * 1024;
// O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a file swapped for a
// link after listing is refused rather than followed.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

async function readAll(handle: fs.FileHandle, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return null;
  }
}

/**
 * Reads a seed file if it is a regular file within the limits. The file is checked after it
 * is opened (fstat), so what is read is what was checked.
 */
export async function readSeedBytes(full: string, limits: ReadLimits): Promise<SeedBytes> {
  const handle = await fs.open(full, OPEN_FLAGS);
  let timer: NodeJS.Timeout | undefined;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { reason: "not a regular file (a FIFO, socket or device)" };
    if (stat.size > limits.maxBytes) {
      return {
        reason: `${stat.size} bytes is over MAX_SEED_BYTES (${limits.maxBytes}); split it or raise the limit`,
      };
    }
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), limits.timeoutMs);
    });
    const bytes = await Promise.race([readAll(handle, limits.maxBytes), timeout]);
    if (bytes === "timeout") {
      return { reason: `reading it took over ${limits.timeoutMs} ms; is it on a stalled mount?` };
    }
    if (bytes === null) {
      return {
        reason: `over MAX_SEED_BYTES (${limits.maxBytes}) as read (it grew while being read); split it or raise the limit`,
      };
    }
    return { bytes, size: bytes.length, mtimeMs: stat.mtimeMs };
  } finally {
    clearTimeout(timer);
    // Not awaited: after a timeout the read may still hold the handle.
    handle.close().catch(() => undefined);
  }
}

/**
 * Reads a seed file at once if it is still a regular file of exactly `size` bytes (a restored
 * index re-reading a document whose persisted text was corrupt); null otherwise. Opened as
 * {@link readSeedBytes} opens, so a FIFO or a link swapped in is never waited on or followed.
 */
export function readSeedBytesSync(full: string, size: number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size !== size) return null;
    const bytes = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, bytes, got, size - got, got);
      if (n === 0) return null;
      got += n;
    }
    return bytes;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
