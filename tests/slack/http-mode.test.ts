import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { SHARE_ACTION } from "../../adapters/slack/render.ts";
import { signSlack, startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TOKEN = "xoxb-1111-2222-secretbottoken";

let fake: FakeSlack;
let app: SlackApp;
let logger: ReturnType<typeof createMemoryLogger>;
let url: string;
let responder: ReturnType<typeof testResponder>;

async function start(limit = 100) {
  responder = testResponder();
  app = await startSlack({
    responder,
    config: { mode: "http", botToken: TOKEN, apiUrl: fake.apiUrl, signingSecret: SECRET, port: 0 },
    logger,
    rateLimiter: createRateLimiter({ limit }),
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
  url = `http://127.0.0.1:${app.port}/slack/events`;
}

function post(body: string, type: string, headers = signSlack(SECRET, body)) {
  return fetch(url, { method: "POST", body, headers: { "content-type": type, ...headers } });
}

function command(text: string, id: string, user = "U1") {
  const form = new URLSearchParams({
    token: "verification",
    team_id: "T1",
    channel_id: "C1",
    user_id: user,
    command: "/ask",
    text,
    response_url: fake.responseUrl(id),
    trigger_id: `trigger-${id}`, // unique per invocation, as Slack sends it
    api_app_id: "A1",
  });
  return form.toString();
}

function event(evt: Record<string, unknown>) {
  return JSON.stringify({
    token: "verification",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${Math.random()}`,
    event_time: 1,
    event: evt,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
  });
}

beforeEach(async () => {
  fake = await startFakeSlack();
  logger = createMemoryLogger([TOKEN, SECRET]);
  await start();
});

afterEach(async () => {
  await app.stop();
  await fake.close();
});

describe("Slack in HTTP mode, signed requests to the real Bolt endpoint", () => {
  it("acks /ask at once and replies ephemerally at the response_url with a share button", async () => {
    const res = await post(
      command("when are refunds paid?", "c1"),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const reply = await fake.responses.next((r) => r.name === "c1");
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(reply.body["unfurl_links"]).toBe(false);
    const json = JSON.stringify(reply.body["blocks"]);
    expect(json).toContain("Refunds");
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).not.toContain("<!channel>");
    expect(json).toContain(SHARE_ACTION);
  });

  it("answers /ask alone with how to ask", async () => {
    await post(command("", "c2"), "application/x-www-form-urlencoded");
    const reply = await fake.responses.next((r) => r.name === "c2");
    expect(String(reply.body["text"])).toContain("/ask");
  });

  it("answers a mention in the thread of that message, without the mention", async () => {
    const text = "<@UBOT> refunds paid";
    const res = await post(
      event({ type: "app_mention", user: "U1", text, ts: "5.1", channel: "C1", event_ts: "5.1" }),
      "application/json",
    );
    expect(res.status).toBe(200);
    const call = await fake.calls.next((c) => c.name === "chat.postMessage");
    expect(call.body).toMatchObject({ channel: "C1", thread_ts: "5.1", unfurl_links: "false" });
    expect(call.authorization).toBe(`Bearer ${TOKEN}`);
    expect(responder.asked).toEqual(["refunds paid"]);
  });

  it("answers a DM in the DM and ignores the bot's own DM messages", async () => {
    await post(
      event({
        type: "message",
        channel_type: "im",
        user: "UBOT",
        text: "refund",
        ts: "6.1",
        channel: "D9",
      }),
      "application/json",
    );
    await post(
      event({
        type: "message",
        channel_type: "im",
        bot_id: "B2",
        user: "U7",
        text: "refund",
        ts: "6.2",
        channel: "D9",
      }),
      "application/json",
    );
    await post(
      event({
        type: "message",
        channel_type: "im",
        user: "U1",
        text: "refund?",
        ts: "6.3",
        channel: "D1",
      }),
      "application/json",
    );
    const call = await fake.calls.next((c) => c.name === "chat.postMessage");
    expect(call.body["channel"]).toBe("D1");
    expect(call.body["thread_ts"]).toBeUndefined();
    expect(fake.calls.all.filter((c) => c.body["channel"] === "D9")).toEqual([]);
  });

  it("rejects a bad signature and a stale timestamp with 401 and answers neither", async () => {
    const bad = command("refund", "bad");
    const forged = await post(
      bad,
      "application/x-www-form-urlencoded",
      signSlack("wrong-secret", bad),
    );
    expect(forged.status).toBe(401);
    const old = command("refund", "old");
    const stale = await post(
      old,
      "application/x-www-form-urlencoded",
      signSlack(SECRET, old, Math.floor(Date.now() / 1000) - 600),
    );
    expect(stale.status).toBe(401);
    // A good request after them is answered, and is the only reply.
    await post(command("refund", "good"), "application/x-www-form-urlencoded");
    await fake.responses.next((r) => r.name === "good");
    expect(fake.responses.all.map((r) => r.name)).toEqual(["good"]);
  });

  it("closes its port on stop, even with a keep-alive connection open", async () => {
    const health = `http://127.0.0.1:${app.port}/healthz`;
    expect((await fetch(health)).status).toBe(200);
    await app.stop();
    await expect(fetch(health)).rejects.toThrow();
  });

  it("answers GET /healthz with 200", async () => {
    const res = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it("posts the answer to the channel when the share button is pressed", async () => {
    const payload = {
      type: "block_actions",
      user: { id: "U1" },
      team: { id: "T1" },
      channel: { id: "C1" },
      api_app_id: "A1",
      token: "verification",
      trigger_id: "1.2",
      response_url: fake.responseUrl("share"),
      actions: [
        {
          type: "button",
          action_id: SHARE_ACTION,
          block_id: "b",
          value: "refund?",
          action_ts: "1",
        },
      ],
    };
    await post(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
    const shared = await fake.responses.next((r) => r.name === "share");
    expect(shared.body).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(JSON.stringify(shared.body["blocks"])).toContain("<@U1>");
    expect(JSON.stringify(shared.body["blocks"])).not.toContain(SHARE_ACTION);
    const removed = await fake.responses.next((r) => r.name === "share");
    expect(removed.body).toEqual({ delete_original: true });
  });

  it("gives one friendly line when answering fails, logs it, and keeps answering", async () => {
    await post(command("boom", "err"), "application/x-www-form-urlencoded");
    const reply = await fake.responses.next((r) => r.name === "err");
    expect(reply.body["text"]).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(reply.body)).not.toContain("index exploded");
    expect(logger.lines.join("\n")).toContain("index exploded");
    await post(command("refund", "after"), "application/x-www-form-urlencoded");
    expect((await fake.responses.next((r) => r.name === "after")).body["response_type"]).toBe(
      "ephemeral",
    );
  });

  it("answers politely when a user asks faster than the rate limit", async () => {
    await app.stop();
    await start(1);
    await post(command("refund", "r1"), "application/x-www-form-urlencoded");
    await post(command("refund", "r2"), "application/x-www-form-urlencoded");
    expect(JSON.stringify((await fake.responses.next((r) => r.name === "r1")).body)).toContain(
      "Refunds",
    );
    expect((await fake.responses.next((r) => r.name === "r2")).body["text"]).toMatch(
      /try again in \d+ s/,
    );
  });
});
