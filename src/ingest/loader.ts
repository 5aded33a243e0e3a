import { promises as fs } from "node:fs";
import path from "node:path";
import { formatOf, type Format } from "./document.ts";

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

const SEED_EXTENSIONS = /\.(txt|md|markdown|rst)$/i;
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".cache"]);
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith(".") || SKIPPED_DIRS.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(root, full, out);
    else if ((e.isFile() || e.isSymbolicLink()) && SEED_EXTENSIONS.test(e.name)) out.push(full);
  }
}

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

/** Lists seed files under `dir` in a stable order (by relative path, code point order). */
export async function listSeeds(dir: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch {
    throw new SeedsError(
      `citebot: seeds folder ${dir} does not exist; create it and add .txt, .md or .rst files, or set SEEDS_DIR.`,
    );
  }
  if (!stat.isDirectory()) {
    throw new SeedsError(
      `citebot: SEEDS_DIR ${dir} is a file, not a folder; point SEEDS_DIR at the folder that holds your documents.`,
    );
  }
  const found: string[] = [];
  await walk(dir, dir, found);
  const rel = found.map((f) => path.relative(dir, f).split(path.sep).join("/"));
  return rel.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads every usable seed under `dir`; bad files become warnings, never failures. */
export async function loadSeeds(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxSeedBytes ?? DEFAULT_MAX_BYTES;
  const files: SeedFile[] = [];
  const warnings: string[] = [];
  for (const doc of await listSeeds(dir)) {
    const full = path.join(dir, ...doc.split("/"));
    try {
      const stat = await fs.stat(full);
      if (stat.size > maxBytes) {
        warnings.push(
          `skipped ${doc}: ${stat.size} bytes is over MAX_SEED_BYTES (${maxBytes}); split it or raise the limit`,
        );
        continue;
      }
      const decoded = decodeSeed(await fs.readFile(full));
      if ("reason" in decoded) {
        warnings.push(`skipped ${doc}: ${decoded.reason}`);
        continue;
      }
      files.push({
        doc,
        text: decoded.text,
        format: formatOf(doc),
        size: stat.size,
        mtimeMs: stat.mtimeMs,
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      warnings.push(
        `skipped ${doc}: cannot read it (${code || (err as Error).message}); check its permissions`,
      );
    }
  }
  if (files.length === 0) {
    throw new SeedsError(
      `citebot: no usable document in ${dir}` +
        (warnings.length
          ? ` (${warnings.length} skipped: ${warnings.slice(0, 3).join("; ")})`
          : "") +
        "; add .txt, .md or .rst files in UTF-8.",
    );
  }
  return { files, warnings };
}
