import { realpathSync, statSync } from "node:fs";
import { formatOf, type Format } from "./document.ts";
import { toPrintable } from "./printable.ts";
import { readSeedBytes } from "./seed-read.ts";
import { listSeedFiles, type FollowLinks, type ListDir } from "./seed-listing.ts";

/** A readable seed file, as text. */
export interface SeedFile {
  /** Path relative to the seeds folder, '/' separators. */
  doc: string;
  /** UTF-8 text with any BOM removed; offsets in citations index this string. */
  text: string;
  format: Format;
  size: number;
  mtimeMs: number;
}

/** Options for {@link loadSeeds}. */
export interface LoadOptions {
  /** Files larger than this are skipped with a warning. */
  maxSeedBytes?: number;
  /** A file whose read takes longer than this is skipped with a warning. Default 10 s. */
  readTimeoutMs?: number;
  /** Which symbolic links are followed (SEEDS_FOLLOW_LINKS). Default "none". */
  followLinks?: FollowLinks;
  /** Lists a folder; tests inject a failing one. Default: a synchronous readdir. */
  listDir?: ListDir;
}

/** What loading found: the usable files and one warning per skipped file. */
export interface LoadResult {
  files: SeedFile[];
  warnings: string[];
}

/** The seeds folder itself is unusable; the message says what to do. */
export class SeedsError extends Error {
  override name = "SeedsError";
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_READ_TIMEOUT_MS = 10_000;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a seed, or says in a few words why it cannot be used. */
export function decodeSeed(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: "empty file" };
  if (bytes.includes(0)) return { reason: "binary file (contains NUL bytes)" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: "not valid UTF-8 text; re-save it as UTF-8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return { reason: "only white space" };
  return { text };
}

// Synchronous, like the listing (seed-listing.ts): two awaited round trips cost more than the calls.
async function realFolder(dir: string): Promise<string> {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new SeedsError(
      `citebot: seeds folder ${toPrintable(dir)} does not exist; create it and add .txt, .md or .rst files, or set SEEDS_DIR.`,
    );
  }
  if (!stat.isDirectory()) {
    throw new SeedsError(
      `citebot: SEEDS_DIR ${toPrintable(dir)} is a file, not a folder; point SEEDS_DIR at the folder that holds your documents.`,
    );
  }
  return realpathSync.native(dir);
}

async function listOrExplain(dir: string, options: LoadOptions) {
  const realRoot = await realFolder(dir);
  try {
    return await listSeedFiles(dir, realRoot, {
      followLinks: options.followLinks ?? "none",
      ...(options.listDir ? { listDir: options.listDir } : {}),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new SeedsError(
      `citebot: cannot list the seeds folder ${toPrintable(dir)} (${code}); check its permissions.`,
    );
  }
}

/** Lists seed files under `dir` in a stable order (by relative path, code point order). */
export async function listSeeds(dir: string, options: LoadOptions = {}): Promise<string[]> {
  return (await listOrExplain(dir, options)).seeds.map((s) => s.doc);
}

/** Reads every usable seed under `dir`; bad files become warnings, never failures. */
export async function loadSeeds(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const limits = {
    maxBytes: options.maxSeedBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
  };
  const files: SeedFile[] = [];
  const listed = await listOrExplain(dir, options);
  const warnings = [...listed.warnings];
  for (const { doc, full } of listed.seeds) {
    const name = toPrintable(doc);
    try {
      const read = await readSeedBytes(full, limits);
      if ("reason" in read) {
        warnings.push(`skipped ${name}: ${read.reason}`);
        continue;
      }
      const decoded = decodeSeed(read.bytes);
      if ("reason" in decoded) {
        warnings.push(`skipped ${name}: ${decoded.reason}`);
        continue;
      }
      const { size, mtimeMs } = read;
      files.push({ doc, text: decoded.text, format: formatOf(doc), size, mtimeMs });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      const why = code === "ELOOP" ? "it became a symbolic link" : code || (err as Error).message;
      warnings.push(`skipped ${name}: cannot read it (${why}); check its permissions`);
    }
  }
  if (files.length === 0) {
    throw new SeedsError(
      `citebot: no usable document in ${toPrintable(dir)}` +
        (warnings.length
          ? ` (${warnings.length} skipped: ${warnings.slice(0, 3).join("; ")})`
          : "") +
        "; add .txt, .md or .rst files in UTF-8.",
    );
  }
  return { files, warnings };
}
