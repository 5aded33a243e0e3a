// `npm run load`: a bounded load test of HTTP mode on loopback only. Starts the real Slack app
// on 127.0.0.1 with a fake Web API and response_url, fires signed /ask requests with
// autocannon, and prints requests/s, p99 acknowledgement time, errors and memory.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createMemoryLogger, openCitebot, parseCoreConfig } from "../src/tools.ts";
import { createRateLimiter } from "../adapters/shared/rate-limit.ts";
import { startSlack } from "../adapters/slack/app.ts";

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

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function memory() {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** A fake Slack that answers every Web API call and counts response_url replies. */
async function fakeSlack() {
  let replies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/respond")) replies++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", ts: "1.1" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    replies: () => replies,
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function main(): Promise<void> {
  const core = parseCoreConfig(process.env);
  const citebot = await openCitebot({ seedsDir: core.seedsDir, cacheDir: null });
  const fake = await fakeSlack();
  const secret = "load-test-signing-secret";
  const logger = createMemoryLogger([secret]);
  const app = await startSlack({
    responder: citebot,
    config: {
      mode: "http",
      botToken: "xoxb-load-test",
      apiUrl: `${fake.base}/api/`,
      signingSecret: secret,
      port: 0,
    },
    logger,
    rateLimiter: createRateLimiter({ limit: 0 }), // measure the app, not the limiter
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });

  // Questions from the documents' own titles, asked by 100 different users.
  const titles = citebot.documents().map((d) => d.title);
  const timestamp = Math.floor(Date.now() / 1000);
  const bodies = Array.from({ length: 100 }, (_, i) => {
    const body = new URLSearchParams({
      command: "/ask",
      text: titles[i % titles.length] ?? "help",
      user_id: `U${i}`,
      channel_id: "C1",
      team_id: "T1",
      response_url: `${fake.base}/respond/${i}`,
      trigger_id: `t${i}`,
    }).toString();
    const signature = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
    return {
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": `v0=${signature}`,
      },
    };
  });
  let next = 0;

  const before = memory();
  const run = autocannon({
    url: `http://127.0.0.1:${app.port}/slack/events`,
    method: "POST",
    amount: AMOUNT,
    connections: CONNECTIONS,
    timeout: ACK_LIMIT_S,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          ...bodies[next++ % bodies.length],
        }),
      },
    ],
  });
  const guard = setTimeout(() => run.stop(), WALL_CLOCK_MS);
  const result = await run;
  clearTimeout(guard);

  // Every acknowledged request must also get its reply; wait for the stragglers, bounded.
  const acked = result.requests.total - result.non2xx - result.errors;
  const deadline = Date.now() + 10_000;
  while (fake.replies() < acked && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  await app.stop();
  await fake.close();
  const after = memory();

  const errors = result.errors + result.non2xx + result.timeouts;
  const failedLines = logger.lines.filter((l) => l.includes(" error ")).length;
  console.log(
    `citebot Slack load test (loopback, ${citebot.stats.documents} documents, ${AMOUNT} signed /ask requests, ${CONNECTIONS} connections)`,
  );
  console.log(
    `  requests/s        ${result.requests.average.toFixed(0)}  (${result.requests.total} in ${result.duration.toFixed(1)} s)`,
  );
  console.log(
    `  ack time          p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms (limit ${ACK_LIMIT_S * 1000} ms)`,
  );
  console.log(
    `  errors            ${errors} (non-2xx ${result.non2xx}, timeouts ${result.timeouts}), ${failedLines} error log lines`,
  );
  console.log(
    `  replies           ${fake.replies()} of ${acked} acknowledged (${acked - fake.replies()} lost)`,
  );
  console.log(
    `  memory (after gc) heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, rss ${mb(before.rss)} → ${mb(after.rss)}`,
  );
  if (errors > 0 || fake.replies() < acked || result.latency.max > ACK_LIMIT_S * 1000)
    process.exitCode = 1;
}

await main();
