// Retries, replays, odd bodies and big bodies against the real Bolt app in HTTP mode.
import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { SHARE_ACTION } from "../../adapters/slack/render.ts";
import { signSlack, startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TOKEN = "xoxb-1111-2222-secretbottoken";
const FORM = "application/x-www-form-urlencoded";

let fake: FakeSlack;
let app: SlackApp;
let logger: ReturnType<typeof createMemoryLogger>;
let url: string;
let rejections: unknown[];
const onRejection = (reason: unknown) => rejections.push(reason);

async function start(limit = 100) {
  app = await startSlack({
    responder: testResponder(),
    config: { mode: "http", botToken: TOKEN, apiUrl: fake.apiUrl, signingSecret: SECRET, port: 0 },
    logger,
    rateLimiter: createRateLimiter({ limit }),
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
  url = `http://127.0.0.1:${app.port}/slack/events`;
}

function post(body: string, type: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": type, ...signSlack(SECRET, body), ...headers },
  });
}

function command(fields: [string, string][], id: string) {
  return new URLSearchParams([
    ["team_id", "T1"],
    ["channel_id", "C1"],
    ["user_id", "U1"],
    ["command", "/ask"],
    ["response_url", fake.responseUrl(id)],
    ["trigger_id", "1.2.3"],
    ...fields,
  ]).toString();
}

function mention(eventId: string, text: string, ts: string) {
  return JSON.stringify({
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: 1,
    event: { type: "app_mention", user: "U1", text, ts, channel: "C1", event_ts: ts },
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
  });
}

function shareClick(responseUrl: string | undefined) {
  const payload = {
    type: "block_actions",
    user: { id: "U1" },
    team: { id: "T1" },
    channel: { id: "C1" },
    api_app_id: "A1",
    trigger_id: "1.2",
    ...(responseUrl === undefined ? {} : { response_url: responseUrl }),
    actions: [{ type: "button", action_id: SHARE_ACTION, block_id: "b", value: "refund?" }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

beforeEach(async () => {
  rejections = [];
  process.on("unhandledRejection", onRejection);
  fake = await startFakeSlack();
  logger = createMemoryLogger([TOKEN, SECRET]);
});

afterEach(async () => {
  await app.stop();
  await fake.close();
  process.off("unhandledRejection", onRejection);
  expect(rejections).toEqual([]);
});

describe("Slack retries and replays", () => {
  it("acknowledges a retried event (x-slack-retry-num) without answering it twice", async () => {
    await start();
    const body = mention("Ev-once", "<@UBOT> when are refunds paid?", "7.1");
    expect((await post(body, "application/json")).status).toBe(200);
    await fake.calls.next((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === "7.1");
    const retry = await post(body, "application/json", {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    expect(retry.status).toBe(200);
    // A later event is answered after the retry was handled, so its post marks the end.
    await post(
      mention("Ev-later", "<@UBOT> where do parcels ship from?", "8.1"),
      "application/json",
    );
    await fake.calls.next((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === "8.1");
    const posts = fake.calls.all.filter((c) => c.name === "chat.postMessage");
    expect(posts.filter((c) => c.body["thread_ts"] === "7.1")).toHaveLength(1);
    expect(logger.lines.join("\n")).toContain("ignored a delivery already claimed");
  });

  it("refuses a signed request stamped far in the future (401)", async () => {
    await start();
    const body = command([["text", "refunds?"]], "future");
    const headers = signSlack(SECRET, body, Math.floor(Date.now() / 1000) + 3600);
    const res = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": FORM, ...headers },
    });
    expect(res.status).toBe(401);
    expect(logger.lines.join("\n")).toMatch(/refused a request stamped 3\d{3} s in the future/);
  });
});

describe("Slack bodies citebot cannot use", () => {
  it("answers a signed JSON null body with 400, without an unhandled rejection", async () => {
    await start();
    const res = await post("null", "application/json");
    expect(res.status).toBe(400);
  });

  it("tells the user when /ask arrives with its text twice", async () => {
    await start();
    await post(
      command(
        [
          ["text", "refunds?"],
          ["text", "shipping?"],
        ],
        "twice",
      ),
      FORM,
    );
    const reply = await fake.responses.next((r) => r.name === "twice");
    expect(String(reply.body["text"])).toContain("more than once");
  });

  it("says so when a share click has no response_url, and logs why", async () => {
    await start();
    expect((await post(shareClick(undefined), FORM)).status).toBe(200);
    const note = await fake.calls.next((c) => c.name === "chat.postEphemeral");
    expect(note.body).toMatchObject({ channel: "C1", user: "U1" });
    expect(logger.lines.join("\n")).toContain("the button click has no response_url");
  });

  it("refuses a body over the limit from its Content-Length, before reading it (413)", async () => {
    await start();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(url, {
        method: "POST",
        headers: { "content-type": FORM, "content-length": String(4 * 1024 * 1024) },
      });
      req.on("response", (res) => resolve(res.statusCode));
      req.on("error", reject);
      req.write("text=");
      // The rest of the declared 4 MB is never sent: only an early answer can arrive.
    });
    expect(status).toBe(413);
  });
});

describe("Post to channel", () => {
  it("is rate-limited like a question", async () => {
    await start(1);
    await post(command([["text", "refunds?"]], "first"), FORM);
    await fake.responses.next((r) => r.name === "first");
    await post(shareClick(fake.responseUrl("share")), FORM);
    const reply = await fake.responses.next((r) => r.name === "share");
    expect(String(reply.body["text"])).toContain("Please try again in");
    expect(reply.body["response_type"]).not.toBe("in_channel");
  });
});

describe("health check", () => {
  it("answers HEAD /healthz with 200", async () => {
    await start();
    const res = await fetch(url.replace("/slack/events", "/healthz"), { method: "HEAD" });
    expect(res.status).toBe(200);
  });
});
