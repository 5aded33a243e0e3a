/**
 * The persisted index's container: a checksummed JSON header, then named binary sections, each
 * 8-byte aligned and checksummed, so typed arrays are views on the bytes read (no parsing).
 *
 *   "citebot-index\0\0\0" | u32 format | u32 header bytes | header JSON | pad | u32 crc
 *   sections, each padded to 8 bytes
 *
 * Every byte is under a checksum (padding included), so any change to the file is detected:
 * resident sections at open; the texts, which a restore reads a document at a time when first
 * asked for, by each document's own checksum then (corpus-sections.ts; their padding is unread).
 * Shared by the writer (index-file-write.ts) and the reader (index-file-read.ts).
 */
export const MAGIC = Buffer.from("citebot-index\0\0\0", "latin1");
/** Bytes before the header JSON: the magic, the format and the header's length. */
export const PREFIX = MAGIC.length + 8;

/** A section's place in the file, as the header lists it. */
export interface SectionEntry {
  name: string;
  offset: number;
  bytes: number;
  crc: number;
}

/** `n` rounded up to a multiple of 8: every section starts 8-byte aligned. */
export const align = (n: number) => Math.ceil(n / 8) * 8;
