// `npm run load`: a bounded load test of HTTP mode on loopback only. Starts real Slack apps
// (one replica, then two, each its own process claiming events in one database) on 127.0.0.1
// with a fake Web API and response_url, fires signed /ask requests with autocannon, and prints
// acks/s, answers/s, p99 acknowledgement time and errors for each, in the same run.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { openCitebot, parseCoreConfig } from "../src/tools.ts";

const AMOUNT = 2000; // requests, fixed
const CONNECTIONS = 20;
const ACK_LIMIT_S = 3; // Slack's acknowledgement window; slower counts as an error
const WALL_CLOCK_MS = 60_000; // hard stop, whatever happens

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface Instance extends Promise<Result> {
  stop(): void;
}
type Autocannon = (options: Record<string, unknown>) => Instance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** A fake Slack that answers every Web API call and counts response_url replies. */
async function fakeSlack() {
  let replies = 0;
  let lastReplyAt = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/respond")) {
        replies++;
        lastReplyAt = performance.now();
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", ts: "1.1" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    replies: () => replies,
    lastReplyAt: () => lastReplyAt,
    reset: () => void ((replies = 0), (lastReplyAt = 0)),
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET = "load-test-signing-secret";

/** Starts one replica process (tools/load-replica.ts); resolves with its port and a stop(). */
async function startReplica(apiUrl: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "tools/load-replica.ts"), apiUrl, SECRET],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const port = Number(/^port (\d+)$/.exec(String(first.value))?.[1]);
  if (!port) throw new Error(`the replica did not start: ${String(first.value)}`);
  return {
    port,
    async stop(): Promise<number> {
      child.kill("SIGTERM");
      const last = await iterator.next();
      return Number(/^errors (\d+)$/.exec(String(last.value))?.[1] ?? 1);
    },
  };
}

/** Fires AMOUNT signed /ask requests spread over `replicas` processes sharing one database. */
async function scenario(replicas: number, titles: string[], env: Record<string, string>) {
  const fake = await fakeSlack();
  const started = await Promise.all(
    Array.from({ length: replicas }, () => startReplica(`${fake.base}/api/`, env)),
  );
  let next = 0;
  const timestamp = Math.floor(Date.now() / 1000);
  // Each request is a new command (its own trigger_id), asked by one of 100 users.
  const request = () => {
    const i = next++;
    const body = new URLSearchParams({
      command: "/ask",
      text: titles[i % titles.length] ?? "help",
      user_id: `U${i % 100}`,
      channel_id: "C1",
      team_id: "T1",
      response_url: `${fake.base}/respond/${i}`,
      trigger_id: `t${replicas}-${i}`,
    }).toString();
    const signature = createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex");
    return {
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": `v0=${signature}`,
      },
    };
  };
  const t0 = performance.now();
  const run = autocannon({
    url: started.map((r) => `http://127.0.0.1:${r.port}/slack/events`),
    method: "POST",
    amount: AMOUNT,
    connections: CONNECTIONS,
    timeout: ACK_LIMIT_S,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...request() }) }],
  });
  const guard = setTimeout(() => run.stop(), WALL_CLOCK_MS);
  const result = await run;
  clearTimeout(guard);
  // Every acknowledged request must also get its reply; wait for the stragglers, bounded.
  const acked = result.requests.total - result.non2xx - result.errors;
  const deadline = Date.now() + 10_000;
  while (fake.replies() < acked && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const seconds = (fake.lastReplyAt() - t0) / 1000;
  const errorLines = (await Promise.all(started.map((r) => r.stop()))).reduce((a, b) => a + b, 0);
  await fake.close();
  return { replicas, result, acked, replies: fake.replies(), seconds, errorLines };
}

async function main(): Promise<void> {
  const core = parseCoreConfig(process.env);
  const citebot = await openCitebot({ seedsDir: core.seedsDir, cacheDir: null });
  // Questions from the documents' own titles.
  const titles = citebot.documents().map((d) => d.title);
  // The replicas claim each event in one database: DATABASE_URL, else a fresh SQLite file.
  const dataDir = mkdtempSync(path.join(tmpdir(), "citebot-load-"));
  const url = process.env["DATABASE_URL"]?.trim();
  const env: Record<string, string> = url
    ? { DATABASE_URL: url }
    : { DATA_DIR: dataDir, DATABASE_URL: "" };
  console.log(
    `citebot Slack load test (loopback, ${citebot.stats.documents} documents, ${AMOUNT} signed /ask requests, ${CONNECTIONS} connections, claims in ${url ? "PostgreSQL (DATABASE_URL)" : "SQLite"})`,
  );
  console.log(
    "  replicas  acks/s  answers/s  ack p50  ack p99  ack max  over 3 s  errors  lost replies",
  );
  let failed = false;
  try {
    for (const replicas of [1, 2]) {
      const { result, acked, replies, seconds, errorLines } = await scenario(replicas, titles, env);
      // autocannon counts a timeout (no ack within 3 s) among its errors too.
      const errors = result.errors - result.timeouts + result.non2xx + errorLines;
      console.log(
        `  ${String(replicas).padEnd(8)}  ${result.requests.average.toFixed(0).padStart(6)}  ${(replies / seconds).toFixed(0).padStart(9)}  ` +
          `${`${result.latency.p50} ms`.padStart(7)}  ${`${result.latency.p99} ms`.padStart(7)}  ${`${result.latency.max} ms`.padStart(7)}  ` +
          `${String(result.timeouts).padStart(8)}  ${String(errors).padStart(6)}  ${String(Math.max(0, acked - replies)).padStart(12)}`,
      );
      if (errors > 0 || result.timeouts > 0 || replies < acked) failed = true;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
