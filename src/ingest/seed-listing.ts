import { promises as fs, readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { toPrintable } from "./printable.ts";

/** Which symbolic links in the seeds folder are followed (SEEDS_FOLLOW_LINKS). */
export type FollowLinks = "none" | "inside";

/** Lists one folder; injectable so tests can make a listing fail whoever runs them. */
export type ListDir = (dir: string) => Promise<Dirent[]>;

/** A seed file found by {@link listSeedFiles}. */
export interface ListedSeed {
  /** Path relative to the seeds folder, '/' separators. */
  doc: string;
  /** The path to open: the file itself, or where an allowed link resolves (inside the folder). */
  full: string;
}

/** Options for {@link listSeedFiles}. */
export interface ListOptions {
  followLinks: FollowLinks;
  listDir?: ListDir;
}

const SEED_EXTENSIONS = /\.(txt|md|markdown|rst)$/i;
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".cache"]);
// Synchronous: an awaited thread-pool round trip per folder cost more than listing it (a
// restart of the Python docs spent ~10 ms waiting on 15 of them on an idle machine). Stats of
// the seeds are synchronous already (seed-stamps.ts), so a stalled mount stalls either way.
const defaultListDir: ListDir = (dir) =>
  Promise.resolve().then(() => readdirSync(dir, { withFileTypes: true }));

/** Whether `target` is `root` or under it (the root itself counts: a link to it is a loop). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function kindOf(stat: { isFIFO(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isSocket()) return "a socket";
  if (stat.isDirectory()) return "a folder";
  return "a device";
}

/**
 * Finds the seed files under `root` (whose real path is `realRoot`): regular files only, and
 * symbolic links only when `followLinks` is "inside" and they resolve inside the folder. Each
 * skipped link, special file and unlistable sub-folder becomes one warning; the rest go on.
 */
export async function listSeedFiles(
  root: string,
  realRoot: string,
  options: ListOptions,
): Promise<{ seeds: ListedSeed[]; warnings: string[] }> {
  const listDir = options.listDir ?? defaultListDir;
  const seeds: ListedSeed[] = [];
  const warnings: string[] = [];
  const visited = new Set<string>([realRoot]);
  // Relative paths are carried down the walk: path.relative per entry cost more than the
  // listing itself (~8 of 15 ms for 500 files on a restart).
  const join = (rel: string, name: string) => (rel === "" ? name : `${rel}/${name}`);

  async function followLink(full: string, rel: string, isSeed: boolean): Promise<void> {
    let target: string;
    try {
      target = await fs.realpath(full);
    } catch {
      if (isSeed) warnings.push(`skipped ${toPrintable(rel)}: a broken symbolic link`);
      return;
    }
    if (!isInside(realRoot, target)) {
      warnings.push(
        `skipped ${toPrintable(rel)}: a symbolic link to outside the seeds folder; citebot only reads files inside it`,
      );
      return;
    }
    const stat = await fs.stat(target);
    if (stat.isDirectory()) {
      if (!visited.has(target)) {
        visited.add(target);
        await walk(full, rel);
      }
    } else if (!isSeed) return;
    else if (stat.isFile()) seeds.push({ doc: rel, full: target });
    else
      warnings.push(`skipped ${toPrintable(rel)}: a link to ${kindOf(stat)}, not a regular file`);
  }

  /** An entry that is not a regular file (those are taken in `walk`). */
  async function visit(dir: string, dirRel: string, e: Dirent): Promise<void> {
    const full = path.join(dir, e.name);
    const rel = join(dirRel, e.name);
    const isSeed = SEED_EXTENSIONS.test(e.name);
    if (e.isDirectory()) return walk(full, rel);
    if (e.isSymbolicLink()) {
      if (options.followLinks === "inside") return followLink(full, rel, isSeed);
      if (isSeed) {
        warnings.push(
          `skipped ${toPrintable(rel)}: a symbolic link; citebot reads only regular files (SEEDS_FOLLOW_LINKS=inside follows links that stay inside the seeds folder)`,
        );
      }
      return;
    }
    if (isSeed) warnings.push(`skipped ${toPrintable(rel)}: ${kindOf(e)}, not a regular file`);
  }

  async function walk(dir: string, rel: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await listDir(dir);
    } catch (err) {
      if (dir === root) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      warnings.push(
        `skipped folder ${toPrintable(rel)}: cannot list it (${code}); check its permissions`,
      );
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || SKIPPED_DIRS.has(e.name)) continue;
      // Regular files, nearly every entry, are taken without an await each.
      if (e.isFile()) {
        if (SEED_EXTENSIONS.test(e.name))
          seeds.push({ doc: join(rel, e.name), full: path.join(dir, e.name) });
        continue;
      }
      try {
        await visit(dir, rel, e);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        warnings.push(`skipped ${toPrintable(join(rel, e.name))}: ${code}`);
      }
    }
  }

  await walk(root, "");
  seeds.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
  return { seeds, warnings };
}
