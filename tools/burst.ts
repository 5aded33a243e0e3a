// npm run burst -- [--seeds DIR] [--files N]
// Answer latency while a burst of N file changes (default 5,000: a git checkout) is rebuilt:
// a copy of the seeds (default: the Python documentation) is watched by the live responder
// the chat front ends use (rebuilds in a worker thread, persisted index on); every seed is
// rewritten and new notes are added up to N changes; questions are asked back to back until
// the index holding every change is swapped in. Prints the latency percentiles; it asserts
// nothing (issue 11 asks for under 50 ms at p99).
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { flag, orUsage, parseArgs } from "../adapters/shared/args.ts";
import { createLiveResponder, openCitebot, type OpenedCitebot } from "../src/tools.ts";
import { latenciesDuring } from "./live-latency.ts";
import { PYTHON_DOCS } from "./scaled-corpus.ts";
import { percentile } from "./table.ts";

const args = orUsage(
  () => parseArgs(process.argv.slice(2), { values: ["seeds", "files"], booleans: [] }),
  "npm run burst -- [--seeds DIR] [--files N]",
);
const source = path.resolve(flag(args, "seeds") ?? PYTHON_DOCS);
const changes = Number(flag(args, "files") ?? 5000);
const QUESTIONS = [
  "How do I read a file line by line?",
  "What is a generator?",
  "How do I parse command line arguments?",
  "What does the with statement do?",
];

const root = mkdtempSync(path.join(os.tmpdir(), "citebot-burst-"));
const seeds = path.join(root, "seeds");
const cacheDir = path.join(root, "cache");
cpSync(source, seeds, { recursive: true });
const listAll = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listAll(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
const existing = listAll(seeds).filter((f) => statSync(f).isFile());
const open = (inWorker: boolean) => openCitebot({ seedsDir: seeds, cacheDir, inWorker });
const initial = await open(false);
let swaps = 0;
let rebuilt: (bot: OpenedCitebot) => void = () => {};
const live = createLiveResponder<OpenedCitebot>({
  initial,
  open: () => open(true),
  watchDir: seeds,
  onSwap: (next) => {
    swaps++;
    rebuilt(next);
  },
});
const expected = existing.length + Math.max(0, changes - existing.length);
// Done when the swapped-in index holds every new note (and no rebuild is still pending).
const finished = new Promise<void>((resolve) => {
  rebuilt = (next) => {
    if (next.stats.documents >= expected) resolve();
  };
});
const started = performance.now();
const writing = (async () => {
  for (const file of existing.slice(0, changes)) await writeFile(file, await readFile(file));
  for (let i = existing.length; i < changes; i++)
    await writeFile(path.join(seeds, `note-${i}.txt`), `Note ${i}\n\nThe burst wrote note ${i}.\n`);
})();
const latencies = await latenciesDuring(
  (q) => live.ask(q),
  QUESTIONS,
  Promise.all([writing, finished]),
);
const seconds = (performance.now() - started) / 1000;
live.close();
rmSync(root, { recursive: true, force: true });
console.log(
  `citebot burst: ${changes} changed files over ${initial.stats.documents} seeds (${path.relative(process.cwd(), source) || source})\n` +
    `  answers during the burst and rebuild   ${latencies.length} in ${seconds.toFixed(1)} s, ${swaps} rebuild(s) swapped in\n` +
    `  answer latency (ms)                    p50 ${percentile(latencies, 50)}, p99 ${percentile(latencies, 99)}, max ${Math.round((latencies.at(-1) ?? 0) * 10) / 10}`,
);
