// npm run load:log -- [--questions N] [--rounds N]: N questions through `ask --jsonl`, with the
// question log off and on (--log) in the same run, alternating, so both see the same machine.
// The log goes to a fresh SQLite file, or to DATABASE_URL's PostgreSQL when that is set.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createStore, openDatabase, parseStoreConfig } from "../src/tools.ts";
import { numberFlag, orUsage, parseArgs } from "../adapters/shared/args.ts";
import { loadEnv } from "../adapters/shared/harness.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
// Compiled (dist/tools/log-load.js) it runs the compiled ask; from source, ask.ts through tsx.
const ASK = import.meta.url.endsWith(".js")
  ? ["adapters/cli/ask.js"]
  : ["--import", "tsx", "adapters/cli/ask.ts"];
const USAGE = "npm run load:log -- [--questions N] [--rounds N]";
// Answered, not found and help replies, as chat users mix them.
const QUESTIONS = [
  "How much did Tokyo agree to pay?",
  "What did Kang say about the deal?",
  "When did Japan rule the Korean peninsula?",
  "Who offered an apology?",
  "What is the capital of France?",
  "Where is the statue?",
  "How many survivors are there?",
  "hello",
];

/** Runs ask --jsonl over `lines`; resolves to the wall time from first line in to last line out. */
function runAsk(lines: string, log: boolean, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [...ASK, "--jsonl", ...(log ? ["--log"] : [])];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let started = 0;
    let seen = 0;
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      // The stats line means the seeds are indexed: from here on only answering is timed.
      if (!started && /\d+ documents?, /.test(stderr)) {
        started = performance.now();
        child.stdin.end(lines);
      }
    });
    let ended = 0;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      for (const c of d) if (c === "\n") seen++;
      if (!ended && seen >= lines.split("\n").length - 1) ended = performance.now();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || !ended) reject(new Error(`ask exited ${code}: ${stderr.slice(-500)}`));
      else if (/ warn /.test(stderr)) reject(new Error(`ask warned: ${stderr.slice(-500)}`));
      else resolve(ended - started);
    });
  });
}

async function main(): Promise<void> {
  loadEnv();
  const args = orUsage(
    () => parseArgs(process.argv.slice(2), { values: ["questions", "rounds"] }),
    USAGE,
  );
  const n = orUsage(
    () => numberFlag(args, "questions", 10_000, { min: 1, max: 1e6, integer: true }),
    USAGE,
  );
  const rounds = orUsage(
    () => numberFlag(args, "rounds", 2, { min: 1, max: 20, integer: true }),
    USAGE,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), "citebot-log-load-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    INDEX_CACHE_DIR: "off",
    LOG_QUESTIONS: "true",
  };
  const lines =
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        id: i,
        question: QUESTIONS[i % QUESTIONS.length],
        platform: "load",
        channel: `c${i % 20}`,
        user: `u${i % 200}`,
      }),
    ).join("\n") + "\n";
  const config = parseStoreConfig(env);
  const times = { off: [] as number[], on: [] as number[] };
  try {
    for (let r = 0; r < rounds; r++) {
      times.off.push(await runAsk(lines, false, env));
      times.on.push(await runAsk(lines, true, env));
    }
    const db = openDatabase(config);
    const logged = (await createStore(db).questionsSince(0)).filter(
      (q) => q.platform === "load",
    ).length;
    await db.close();
    const store = config.databaseUrl
      ? `PostgreSQL ${openDatabase(config).where}`
      : "SQLite (fresh file)";
    const row = (label: string, ms: number[]) =>
      `  ${label.padEnd(12)} ${ms.map((t) => `${(t / 1000).toFixed(2)} s (${Math.round((n * 1000) / t)}/s)`).join(", ")}`;
    console.log(
      `citebot question-log load: ${n} questions through ask --jsonl, ${rounds} rounds each, alternating`,
    );
    console.log(row("logging off", times.off));
    console.log(row("logging on", times.on));
    console.log(`  logged       ${logged} of ${n * rounds} questions in ${store}`);
    if (logged !== n * rounds) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`citebot: load:log failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
