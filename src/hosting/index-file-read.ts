import { close, closeSync, constants, fstatSync, openSync, read, readSync } from "node:fs";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";
import { align, MAGIC, PREFIX, type SectionEntry } from "./index-file-layout.ts";

/** Bytes checksummed between pauses: a large file never holds the event loop for long. */
const CHECKSUM_STEP = 8 * 1024 * 1024;
/**
 * Resident sections up to this size are read in one synchronous call (~3 ms for the 6.5 MB of
 * the Python docs): each awaited thread-pool read costs a round trip that, on an idle machine,
 * took longer than the read. A larger index is read asynchronously, so a reader swapping in a
 * rewritten index never holds answering for long.
 */
const SYNC_READ_BYTES = 32 * 1024 * 1024;
const readAsync = promisify(read);

async function checksum(bytes: Uint8Array): Promise<number> {
  let crc = 0;
  for (let at = 0; at < bytes.length; at += CHECKSUM_STEP) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    crc = crc32(bytes.subarray(at, at + CHECKSUM_STEP), crc);
  }
  return crc;
}

/** A read index file: its header and each section's bytes. */
export interface IndexFile {
  header: Record<string, unknown>;
  /**
   * A section's bytes. Resident sections are views on the one buffer read at open; a transient
   * one is read (and its checksum checked) on each call into a buffer of its own, so that its
   * holder can let it go by itself (a text piece once decoded).
   */
  section(name: string): Buffer;
  /**
   * `bytes` bytes of a transient section from `at`, read from the file now into a buffer of
   * their own, unchecked: the caller checks them (a document's text has its own checksum).
   */
  range(name: string, at: number, bytes: number): Buffer;
  /** A section's length in bytes, without reading it. */
  bytesOf(name: string): number;
  /** The file's device and inode at open: whether a path still names this very file. */
  identity: { dev: number; ino: number };
  /** Closes the file; transient sections cannot be read afterwards. */
  close(): Promise<void>;
}

/** Why a file could not be used as an index. */
export class BadIndexFileError extends Error {
  override name = "BadIndexFileError";
}

/**
 * Reads an index file after checking, in order: it is a regular file (a FIFO or a device is
 * never opened for a blocking read), within `maxBytes`, with our magic and `format`, a header
 * whose checksum holds and that `accept` takes, and resident sections whose checksums hold.
 * Resident sections (all but those `transient` names) come first in the file and are read in
 * one go. Returns null when there is no file; throws BadIndexFileError saying what is wrong.
 */
export async function readIndexFile(
  file: string,
  format: number,
  maxBytes: number,
  accept: (header: Record<string, unknown>) => string | null,
  transient: (name: string) => boolean = () => false,
): Promise<IndexFile | null> {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. The
    // small reads below are synchronous: they cost less than an awaited round trip each.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new BadIndexFileError(`cannot open it (${code ?? String(err)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new BadIndexFileError("it is not a regular file");
    if (stat.size > maxBytes)
      throw new BadIndexFileError(`${stat.size} bytes is over the cache bound of ${maxBytes}`);
    const prefix = Buffer.alloc(PREFIX);
    readSync(fd, prefix, 0, PREFIX, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC))
      throw new BadIndexFileError("it is not a citebot index");
    if (prefix.readUInt32LE(MAGIC.length) !== format)
      throw new BadIndexFileError("it was written by another citebot version");
    const headLength = prefix.readUInt32LE(MAGIC.length + 4);
    const start = align(PREFIX + headLength + 4);
    if (start > stat.size) throw new BadIndexFileError("it is truncated");
    const head = Buffer.alloc(start);
    readSync(fd, head, 0, start, 0);
    if (crc32(head.subarray(0, start - 4)) !== head.readUInt32LE(start - 4))
      throw new BadIndexFileError("its header checksum does not match (corrupt)");
    const header = JSON.parse(head.toString("utf8", PREFIX, PREFIX + headLength)) as Record<
      string,
      unknown
    >;
    const refused = accept(header);
    if (refused) throw new BadIndexFileError(refused);
    const entries = (Array.isArray(header["sections"]) ? header["sections"] : []) as SectionEntry[];
    const end = entries.reduce((n, e) => Math.max(n, align(e.offset + e.bytes)), 0);
    if (!Number.isSafeInteger(end) || start + end !== stat.size)
      throw new BadIndexFileError(
        start + end > stat.size ? "it is truncated" : "it has extra bytes",
      );
    const resident = entries.filter((e) => !transient(String(e.name)));
    const residentEnd = resident.reduce((n, e) => Math.max(n, align(e.offset + e.bytes)), 0);
    if (entries.some((e) => transient(String(e.name)) && e.offset < residentEnd))
      throw new BadIndexFileError("its sections are out of order");
    // One read of every resident section; they are views on it.
    const body = Buffer.allocUnsafeSlow(residentEnd);
    await readFully(fd, body, start);
    const sections = new Map<string, Buffer>();
    for (const e of resident) {
      const bytes = body.subarray(e.offset, e.offset + e.bytes);
      if ((await checksum(body.subarray(e.offset, align(e.offset + e.bytes)))) !== e.crc)
        throw new BadIndexFileError(
          `its ${String(e.name)} section checksum does not match (corrupt)`,
        );
      sections.set(e.name, bytes);
    }
    const others = new Map(entries.filter((e) => !sections.has(e.name)).map((e) => [e.name, e]));
    let opened = fd;
    const entryOf = (name: string) => {
      const e = others.get(name);
      if (!e) throw new BadIndexFileError(`it has no ${name} section`);
      return e;
    };
    /** `bytes` bytes from `at` of the sections' area, into a buffer of their own. */
    const readOwn = (at: number, bytes: number, own = Buffer.allocUnsafe(bytes)) => {
      const got = bytes === 0 ? 0 : readSync(opened, own, 0, bytes, start + at);
      if (got !== bytes) throw new BadIndexFileError("it is truncated");
      return own;
    };
    return {
      header,
      section(name) {
        const s = sections.get(name);
        if (s) return s;
        const e = entryOf(name);
        const padded = align(e.bytes);
        const own = readOwn(e.offset, padded, Buffer.allocUnsafeSlow(padded));
        if (crc32(own) !== e.crc)
          throw new BadIndexFileError(`its ${name} section checksum does not match (corrupt)`);
        return own.subarray(0, e.bytes);
      },
      range(name, at, bytes) {
        const e = entryOf(name);
        if (!(at >= 0 && bytes >= 0 && at + bytes <= e.bytes))
          throw new BadIndexFileError(`its ${name} section is shorter than recorded`);
        return readOwn(e.offset + at, bytes);
      },
      bytesOf: (name) => sections.get(name)?.length ?? entryOf(name).bytes,
      identity: { dev: stat.dev, ino: stat.ino },
      // Once only, and never again by number: a closed descriptor's number is soon reused.
      close: () => {
        const was = opened;
        opened = -1;
        return was < 0 ? Promise.resolve() : new Promise<void>((done) => close(was, () => done()));
      },
    };
  } catch (err) {
    closeSync(fd);
    if (err instanceof BadIndexFileError) throw err;
    throw new BadIndexFileError(`it is corrupt (${(err as Error).message.slice(0, 120)})`);
  }
}

async function readFully(fd: number, into: Buffer, position: number): Promise<void> {
  let got = 0;
  while (got < into.length) {
    const bytesRead =
      into.length <= SYNC_READ_BYTES
        ? readSync(fd, into, got, into.length - got, position + got)
        : (await readAsync(fd, into, got, into.length - got, position + got)).bytesRead;
    if (bytesRead === 0) throw new BadIndexFileError("it is truncated");
    got += bytesRead;
  }
}
