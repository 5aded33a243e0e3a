import { promises as fs } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { align, MAGIC, PREFIX, type SectionEntry } from "./index-file-layout.ts";

/** One section as written: bytes, or chunks of bytes written one after another. */
export interface SectionData {
  name: string;
  chunks: Iterable<Uint8Array>;
}

/** The cache file would pass the size bound; the index is then kept in memory only. */
export class CacheTooLargeError extends Error {
  override name = "CacheTooLargeError";
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The bytes of a typed array or a string (UTF-8), as a section's single chunk. */
export function toChunk(value: ArrayBufferView | string): Uint8Array {
  return typeof value === "string" ? Buffer.from(value, "utf8") : bytesOf(value);
}

/**
 * Writes the sections to `file` atomically (temp file, then rename), chunk by chunk: memory
 * stays bounded by the largest chunk whatever the corpus size. Throws CacheTooLargeError before
 * writing anything when the file would exceed `maxBytes`.
 */
export async function writeIndexFile(
  file: string,
  format: number,
  header: Record<string, unknown>,
  sections: readonly SectionData[],
  maxBytes: number,
): Promise<void> {
  // Chunks are walked twice (sizes and checksums, then writing): they are views, not copies.
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const s of sections) {
    let bytes = 0;
    let crc = 0;
    for (const c of s.chunks) {
      bytes += c.byteLength;
      crc = crc32(c, crc);
    }
    crc = crc32(Buffer.alloc(align(bytes) - bytes), crc);
    entries.push({ name: s.name, offset, bytes, crc });
    offset = align(offset + bytes);
  }
  const head = Buffer.from(JSON.stringify({ ...header, sections: entries }), "utf8");
  const start = align(PREFIX + head.length + 4);
  if (start + offset > maxBytes)
    throw new CacheTooLargeError(
      `the index would take ${start + offset} bytes, over the cache bound of ${maxBytes}`,
    );
  const prefix = Buffer.alloc(start);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(format, MAGIC.length);
  prefix.writeUInt32LE(head.length, MAGIC.length + 4);
  head.copy(prefix, PREFIX);
  prefix.writeUInt32LE(crc32(prefix.subarray(0, start - 4)), start - 4);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await fs.open(tmp, "wx");
  try {
    await handle.write(prefix);
    for (const [i, s] of sections.entries()) {
      const { bytes } = entries[i] as SectionEntry;
      for (const c of s.chunks) await handle.write(c);
      if (align(bytes) > bytes) await handle.write(Buffer.alloc(align(bytes) - bytes));
    }
    await handle.close();
    await fs.rename(tmp, file);
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
