// npm run bench -- [--seeds DIR]... [--copies N] [--questions FILE] [--data DIR] [--json]
// Size, build time, index memory, answer latency, restarts from the persisted index (in a
// fresh process, and a whole `ask` process), the worst answer during a live rebuild, and as
// references SQLite FTS5 and MiniSearch's default search() on the same passages and questions.
// --copies N adds the Python documentation N times over (tools/scaled-corpus.ts).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { createLiveResponder, openCitebot, type OpenedCitebot } from "../src/tools.ts";
import {
  DEFAULT_DATA_DIR,
  REPO_ROOT,
  flag,
  flags,
  orUsage,
  parseArgs,
} from "../adapters/shared/args.ts";
import { benchFts5, ftsColdChild } from "./bench-fts5.ts";
import { coldChild, coldStart, restartMs } from "./bench-restart.ts";
import { latenciesDuring } from "./live-latency.ts";
import { readQuestions } from "./questions.ts";
import { PYTHON_DOCS, scaledCorpus } from "./scaled-corpus.ts";
import { percentile, printTable } from "./table.ts";

const argv = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

if (argv[0] === "--cold-child") {
  await coldChild(argv[1] ?? "", argv[2] ?? "", argv[3] ?? "");
  process.exit(0);
}
if (argv[0] === "--fts-cold-child") {
  ftsColdChild(argv[1] ?? "", argv[2] ?? "");
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
  () => parseArgs(argv, { values: ["seeds", "questions", "data", "copies"], booleans: ["json"] }),
  "npm run bench -- [--seeds DIR]... [--copies N] [--questions FILE] [--data DIR] [--json]",
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

const copies = Number(flag(args, "copies") ?? 0);
if (copies > 0) {
  if (!existsSync(PYTHON_DOCS))
    orUsage(() => {
      throw new Error(`--copies needs ${PYTHON_DOCS}: apt-get install python3.11-doc`);
    }, "npm run bench -- --copies N");
  corpora.push({ seeds: scaledCorpus(PYTHON_DOCS, copies), questions: undefined });
}

/** Latency of each question, after `warm` untimed ones (the JIT's warm-up). */
function time(
  bot: { ask(q: string): unknown } | ((q: string) => unknown),
  questions: readonly string[],
  warm = 50,
): number[] {
  const ask = typeof bot === "function" ? bot : (q: string) => bot.ask(q);
  for (const q of questions.slice(0, warm)) ask(q);
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
  const buildStart = performance.now();
  const bot: OpenedCitebot = await openCitebot({ seedsDir: seeds, cacheDir: null });
  const buildMs = performance.now() - buildStart;
  // Answers are timed as a running bot gives them: the build's garbage collected first, and one
  // untimed pass over the questions (the first corpus is otherwise timed while the JIT is cold).
  gc();
  const latencies = time(bot, questions, questions.length).sort((a, b) => a - b);
  const total = latencies.reduce((a, b) => a + b, 0);

  const cache = mkdtempSync(path.join(os.tmpdir(), "citebot-bench-"));
  await openCitebot({ seedsDir: seeds, cacheDir: cache });
  // This very file, compiled or run through tsx (execArgv carries tsx's loader then).
  const cold = coldStart([...process.execArgv, fileURLToPath(import.meta.url)], seeds, cache);
  const restart = restartMs(seeds, cache, questions[0] ?? "question");
  rmSync(cache, { recursive: true, force: true });
  const heapMb = cold.heapMb ?? NaN;
  const externalMb = cold.externalMb ?? NaN;
  const indexMb = heapMb + externalMb;

  // The worst answer while a live rebuild (in a worker thread) runs and is swapped in.
  const live = createLiveResponder({
    initial: bot,
    open: () => openCitebot({ seedsDir: seeds, cacheDir: null, inWorker: true }),
    watchDir: null,
  });
  const during = await latenciesDuring((q) => live.ask(q), questions, live.reload());
  live.close();

  const { corpus } = bot;
  const passageTexts = () =>
    corpus.passages.map((p) => ({
      section: p.section,
      text: corpus.documents[p.docIndex]?.text.slice(p.start, p.end) ?? "",
    }));
  const fts = benchFts5(passageTexts(), questions, [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
  ]);
  // The reference: MiniSearch with default options over the same passages (title + text);
  // past 20M characters it needs more memory and minutes than a bench run should take.
  let refLatencies: number[] = [];
  if (bot.stats.characters <= 20_000_000) {
    const reference = new MiniSearch({ fields: ["title", "text"] });
    reference.addAll(passageTexts().map((p, id) => ({ id, title: p.section, text: p.text })));
    refLatencies = time((q) => reference.search(q), questions).sort((a, b) => a - b);
  }
  const skipped = refLatencies.length === 0;
  rows.push({
    corpus: path.relative(process.cwd(), seeds) || ".",
    documents: bot.stats.documents,
    passages: bot.stats.passages,
    sentences: bot.stats.sentences,
    characters: bot.stats.characters,
    build_ms: Math.round(buildMs),
    heap_mb: Math.round(heapMb * 10) / 10,
    external_mb: Math.round(externalMb * 10) / 10,
    index_mb: Math.round(indexMb * 10) / 10,
    index_x_text: Math.round(((indexMb * 2 ** 20) / bot.stats.characters) * 100) / 100,
    questions: questions.length,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    answers_per_s: Math.round((questions.length * 1000) / total),
    cold_start_ms: cold.fromCache ? Math.round(cold.ms ?? 0) : "cache miss",
    restart_ask_ms: restart,
    rebuild_answers: during.length,
    rebuild_p99_ms: percentile(during, 99),
    rebuild_worst_ms: Math.round((during.at(-1) ?? 0) * 100) / 100,
    fts5_p50_ms: percentile(fts.latencies, 50),
    fts5_p99_ms: percentile(fts.latencies, 99),
    fts5_cold_ms: Math.round(fts.coldMs * 10) / 10,
    fts5_file_mb: Math.round(fts.fileMb * 10) / 10,
    minisearch_p50_ms: skipped ? "skipped" : percentile(refLatencies, 50),
    minisearch_p99_ms: skipped ? "skipped" : percentile(refLatencies, 99),
  });
}
if (args.flags.has("json")) console.log(JSON.stringify(rows));
else printTable(rows);
