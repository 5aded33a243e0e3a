import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const BOT = "xoxb-3333-4444-socketbottoken";
const APP = "xapp-1-A1-5555-socketapptoken";

let fake: FakeSlack;
let app: SlackApp | null;
let responder: ReturnType<typeof testResponder>;

/** Network handles of this process (servers, sockets), to check shutdown leaves none behind. */
function netHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => /TCP|Pipe|Socket|Timeout/i.test(r)).length;
}

const baseline = netHandles();

/** Waits, turn by turn, until `check` holds; the test timeout bounds it. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(async () => {
  fake = await startFakeSlack();
  responder = testResponder();
  const connected = fake.connected();
  app = await startSlack({
    responder,
    config: { mode: "socket", botToken: BOT, appToken: APP, apiUrl: fake.apiUrl },
    logger: createMemoryLogger([BOT, APP]),
    rateLimiter: createRateLimiter({ limit: 100 }),
    seedsBaseUrl: null,
    retryConfig: { retries: 0 },
  });
  await connected;
});

afterEach(async () => {
  await app?.stop();
  await fake.close();
});

describe("Slack in Socket Mode against a loopback fake", () => {
  it("opens the connection with the app token", async () => {
    const open = await fake.calls.next((c) => c.name === "apps.connections.open");
    expect(open.authorization).toBe(`Bearer ${APP}`);
    expect(app?.port).toBeNull();
  });

  it("acks an events_api envelope and answers the mention in its thread", async () => {
    const id = fake.envelope("events_api", {
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev1",
      event_time: 1,
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event: {
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> refund?",
        ts: "7.1",
        thread_ts: "7.0",
        channel: "C1",
      },
    });
    await fake.acks.next((a) => a.envelope_id === id);
    const call = await fake.calls.next((c) => c.name === "chat.postMessage");
    expect(call.body).toMatchObject({ channel: "C1", thread_ts: "7.0" });
    expect(call.authorization).toBe(`Bearer ${BOT}`);
    expect(responder.asked).toEqual(["refund?"]);
  });

  it("acks a slash_commands envelope and replies at the response_url", async () => {
    const id = fake.envelope("slash_commands", {
      token: "verification",
      team_id: "T1",
      channel_id: "C1",
      user_id: "U1",
      command: "/ask",
      text: "refund",
      response_url: fake.responseUrl("sock"),
      trigger_id: "1.2",
      api_app_id: "A1",
    });
    await fake.acks.next((a) => a.envelope_id === id);
    const reply = await fake.responses.next((r) => r.name === "sock");
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(reply.body["blocks"])).toContain("Refunds");
  });

  it("leaves no open network handle after stop", async () => {
    await app?.stop();
    app = null;
    // The client closes its socket itself; without that this waits until the test times out.
    await until(() => fake.socketCount() === 0);
    await fake.close();
    await until(() => netHandles() <= baseline);
    expect(netHandles()).toBe(baseline);
    fake = await startFakeSlack(); // for afterEach
  });
});
