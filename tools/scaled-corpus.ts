// A corpus N times the size of a seeds folder: N copies of it side by side in a temp folder,
// for measuring how answering and restarts grow with the corpus. Never committed: built on
// demand by `npm run bench -- --copies N` (or `tsx tools/scaled-corpus.ts DIR N`, which prints
// the folder it made).
import { cpSync, existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The Python 3.11 documentation as Debian's python3.11-doc installs it: the 1x corpus. */
export const PYTHON_DOCS = "/usr/share/doc/python3.11/html/_sources";

/** Makes (or reuses) `copies` copies of `seeds` under the temp folder; returns its path. */
export function scaledCorpus(seeds: string, copies: number): string {
  const dir = path.join(
    os.tmpdir(),
    `citebot-${path.basename(path.resolve(seeds))}-x${copies}-${process.getuid?.() ?? 0}`,
  );
  const done = path.join(dir, `.complete-${copies}`);
  if (existsSync(done)) return dir;
  for (let i = 1; i <= copies; i++)
    cpSync(seeds, path.join(dir, `copy-${i}`), { recursive: true, dereference: true });
  mkdirSync(done, { recursive: true });
  return dir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [seeds = PYTHON_DOCS, copies = "8"] = process.argv.slice(2);
  console.log(scaledCorpus(seeds, Number(copies)));
}
