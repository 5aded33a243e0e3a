// npm run bench -- [--seeds DIR]... [--questions FILE] [--data DIR] [--json]
// Size, build time, index memory, answer latency, cold start from the persisted index, and
// MiniSearch's default search() on the same passages and questions as the reference.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import MiniSearch from "minisearch";
import { openCitebot, type OpenedCitebot } from "../src/tools.ts";
import {
  DEFAULT_DATA_DIR,
  REPO_ROOT,
  flag,
  flags,
  orUsage,
  parseArgs,
} from "../adapters/shared/args.ts";
import { readQuestions } from "./questions.ts";
import { percentile, printTable } from "./table.ts";

const argv = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Cold start runs in a fresh process: it reports how long opening from the cache took.
if (argv[0] === "--cold-child") {
  const started = performance.now();
  const bot = await openCitebot({ seedsDir: argv[1] ?? "", cacheDir: argv[2] ?? "" });
  bot.ask("warm up");
  console.log(JSON.stringify({ ms: performance.now() - started, fromCache: bot.fromCache }));
  process.exit(0);
}

const NATURAL_QUESTIONS = [
  "How do I read a file line by line?",
  "How do I sort a list of dictionaries by a key?",
  "What is a generator?",
  "How can I run a subprocess and capture its output?",
  "How do I parse command line arguments?",
  "What does the with statement do?",
  "How do I format a date as a string?",
  "How do I create a virtual environment?",
  "How much did Tokyo agree to pay?",
  "Who was impeached in 2016?",
  "What did Kang say about a renegotiation?",
  "How many women were forced to work in brothels?",
];

const args = orUsage(
  () => parseArgs(argv, { values: ["seeds", "questions", "data"], booleans: ["json"] }),
  "npm run bench -- [--seeds DIR]... [--questions FILE] [--data DIR] [--json]",
);
const shared = path.resolve(flag(args, "data") ?? DEFAULT_DATA_DIR);
// A seeds folder with a questions.jsonl beside it (squad-dev-a's layout) is timed on those.
const sibling = (seeds: string) => {
  const file = path.join(path.dirname(seeds), "questions.jsonl");
  return existsSync(file) ? file : undefined;
};
const corpora = flags(args, "seeds").map((s) => ({
  seeds: path.resolve(s),
  questions: flag(args, "questions") ?? sibling(path.resolve(s)),
}));
if (corpora.length === 0) {
  corpora.push({ seeds: path.join(REPO_ROOT, "seeds"), questions: undefined });
  if (existsSync(shared))
    corpora.push({
      seeds: path.join(shared, "seeds"),
      questions: path.join(shared, "questions.jsonl"),
    });
}

function time(
  bot: { ask(q: string): unknown } | ((q: string) => unknown),
  questions: readonly string[],
): number[] {
  const ask = typeof bot === "function" ? bot : (q: string) => bot.ask(q);
  for (const q of questions.slice(0, 50)) ask(q); // warm the JIT before measuring
  return questions.map((q) => {
    const s = performance.now();
    ask(q);
    return performance.now() - s;
  });
}

const rows: Record<string, string | number>[] = [];
for (const { seeds, questions: qfile } of corpora) {
  // The built-in set is asked 20 times over so the percentiles rest on enough samples.
  const builtIn = Array.from({ length: 20 }, () => NATURAL_QUESTIONS).flat();
  const questions = (qfile ? readQuestions(qfile).map((q) => q.question) : builtIn).slice(0, 2000);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const bot: OpenedCitebot = await openCitebot({ seedsDir: seeds, cacheDir: null });
  const buildMs = performance.now() - buildStart;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const latencies = time(bot, questions).sort((a, b) => a - b);
  const total = latencies.reduce((a, b) => a + b, 0);

  const cache = mkdtempSync(path.join(os.tmpdir(), "citebot-bench-"));
  await openCitebot({ seedsDir: seeds, cacheDir: cache });
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", process.argv[1] ?? "", "--cold-child", seeds, cache],
    { encoding: "utf8" },
  );
  rmSync(cache, { recursive: true, force: true });
  const cold = JSON.parse(child.stdout.trim().split("\n").at(-1) || "{}") as {
    ms?: number;
    fromCache?: boolean;
  };

  // The reference: MiniSearch with default options over the same passages (title + text).
  const { corpus } = bot;
  const reference = new MiniSearch({ fields: ["title", "text"] });
  reference.addAll(
    corpus.passages.map((p) => ({
      id: p.id,
      title: p.section,
      text: corpus.documents[p.docIndex]?.text.slice(p.start, p.end) ?? "",
    })),
  );
  const refLatencies = time((q) => reference.search(q), questions).sort((a, b) => a - b);
  rows.push({
    corpus: path.relative(process.cwd(), seeds) || ".",
    documents: bot.stats.documents,
    passages: bot.stats.passages,
    sentences: bot.stats.sentences,
    characters: bot.stats.characters,
    build_ms: Math.round(buildMs),
    index_mb: Math.round(heapMb * 10) / 10,
    questions: questions.length,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    answers_per_s: Math.round((questions.length * 1000) / total),
    cold_start_ms: cold.fromCache ? Math.round(cold.ms ?? 0) : "cache miss",
    minisearch_p50_ms: percentile(refLatencies, 50),
    minisearch_p99_ms: percentile(refLatencies, 99),
    p50_speedup:
      Math.round((percentile(refLatencies, 50) / Math.max(0.001, percentile(latencies, 50))) * 10) /
      10,
  });
}
if (args.flags.has("json")) console.log(JSON.stringify(rows));
else printTable(rows);
