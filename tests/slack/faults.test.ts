import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger, type Logger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { signSlack, startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "xoxb-9999-8888-faultbottoken";

let fake: FakeSlack;
let app: SlackApp | null = null;
/** Every log line exactly as written, with no redaction: what the libraries would leak. */
let raw: string[];

async function start(
  extra: {
    retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number };
    drainMs?: number;
  } = {},
) {
  const logger: Logger = createLogger({ write: (line) => raw.push(line) });
  app = await startSlack({
    responder: testResponder(),
    config: { mode: "http", botToken: TOKEN, apiUrl: fake.apiUrl, signingSecret: SECRET, port: 0 },
    logger,
    rateLimiter: createRateLimiter({ limit: 100 }),
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
    ...extra,
  });
  return `http://127.0.0.1:${app.port}/slack/events`;
}

function dm(url: string, text: string, channel: string) {
  const body = JSON.stringify({
    type: "event_callback",
    team_id: "T1",
    api_app_id: "A1",
    event_id: `Ev-${channel}`,
    event_time: 1,
    event: { type: "message", channel_type: "im", user: "U1", text, ts: "9.1", channel },
  });
  return fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...signSlack(SECRET, body) },
  });
}

function slash(url: string, text: string, responseUrl: string) {
  const body = new URLSearchParams({
    command: "/ask",
    text,
    user_id: "U1",
    channel_id: "C1",
    team_id: "T1",
    response_url: responseUrl,
  }).toString();
  return fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...signSlack(SECRET, body) },
  });
}

beforeEach(async () => {
  fake = await startFakeSlack();
  raw = [];
});

afterEach(async () => {
  await app?.stop();
  app = null;
  await fake.close();
  // Secrets: nothing written to the log, by us or by Bolt, ever contains a token or secret.
  for (const line of raw) {
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(SECRET);
  }
});

describe("Slack under faults", () => {
  it("retries a reply through 429 (Retry-After) and 500, then delivers it", async () => {
    const url = await start({ retryConfig: { retries: 2, minTimeout: 1, maxTimeout: 1 } });
    fake.script("chat.postMessage", [
      { status: 429, headers: { "retry-after": "0" } },
      { status: 500, body: "oops" },
    ]);
    await dm(url, "refunds paid", "D1");
    const post = () => fake.calls.next((c) => c.name === "chat.postMessage");
    const attempts = [await post(), await post(), await post()];
    expect(attempts.map((a) => a.body["channel"])).toEqual(["D1", "D1", "D1"]);
    expect(JSON.stringify(attempts[2]?.body["blocks"])).toContain("Refunds");
    expect(raw.join("\n")).toContain("rate limit");
  });

  it("logs a final failure with context, tells the user, and keeps answering", async () => {
    const url = await start({ retryConfig: { retries: 1, minTimeout: 1, maxTimeout: 1 } });
    fake.script("chat.postMessage", [
      { status: 429, headers: { "retry-after": "0" } },
      { status: 500 },
    ]);
    await dm(url, "refunds paid", "D2");
    const apology = await fake.calls.next(
      (c) => c.name === "chat.postMessage" && String(c.body["text"]).startsWith("Sorry"),
    );
    expect(apology.body["channel"]).toBe("D2");
    const failure = raw.find((l) => l.includes("slack: answering failed"));
    expect(failure).toMatch(/kind=message.*user=U1.*channel=D2.*500/s);
    await dm(url, "refunds paid", "D3");
    const next = await fake.calls.next(
      (c) => c.name === "chat.postMessage" && c.body["channel"] === "D3",
    );
    expect(JSON.stringify(next.body["blocks"])).toContain("Refunds");
  });

  it("abandons an answer still in flight after drainMs, and stop() still returns", async () => {
    const url = await start({ drainMs: 20 });
    fake.hold("stuck");
    await slash(url, "refunds paid", fake.responseUrl("stuck"));
    await fake.responses.next((r) => r.name === "stuck");
    await app?.stop();
    app = null;
    expect(raw.join("\n")).toContain("abandoned answers still in flight");
  });
});

describe("npm run slack under SIGTERM", () => {
  it("finishes the answer in flight, then exits 0", async () => {
    const release = fake.hold("inflight");
    const child = spawn(process.execPath, ["--import", "tsx", "adapters/slack/main.ts"], {
      env: {
        PATH: process.env["PATH"],
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        PORT: "0",
        SLACK_API_URL: fake.apiUrl.replace(/\/$/, ""),
        INDEX_CACHE_DIR: "off",
        WATCH_SEEDS: "false",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    const seen = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const m = stderr.match(pattern);
          if (m) resolve(m[1] ?? m[0]);
        };
        child.stderr.on("data", check);
        void exited.then(() => reject(new Error(`exited before ${pattern}: ${stderr}`)));
        check();
      });
    const port = await seen(/HTTP mode on port (\d+)/);
    await slash(
      `http://127.0.0.1:${port}/slack/events`,
      "refunds paid",
      fake.responseUrl("inflight"),
    );
    await fake.responses.next((r) => r.name === "inflight");
    child.kill("SIGTERM");
    await seen(/SIGTERM received/);
    // Without draining, the process would exit here and this line would never come.
    await seen(/waiting for answers in flight count=1/);
    release();
    expect(await exited).toBe(0);
    expect(stderr).toContain("slack: stopped");
    expect(stderr).not.toContain(TOKEN);
    expect(stderr).not.toContain(SECRET);
  });
});
