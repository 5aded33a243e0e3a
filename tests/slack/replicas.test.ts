import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createMemoryLogger,
  openEventClaims,
  parseStoreConfig,
  type EventClaims,
} from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { BACKENDS, type TestBackend } from "../helpers/databases.ts";
import { signSlack, startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TOKEN = "xoxb-1111-2222-secretbottoken";

function mention(eventId: string, text: string, ts: string) {
  return JSON.stringify({
    token: "verification",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: 1,
    event: { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts, channel: "C1" },
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
  });
}

describe.each(BACKENDS)("two Slack HTTP replicas sharing $name", ({ create }) => {
  let backend: TestBackend;
  let fake: FakeSlack;
  let replicas: { app: SlackApp; claims: EventClaims; url: string }[];
  let logger: ReturnType<typeof createMemoryLogger>;

  beforeEach(async () => {
    backend = await create();
    fake = await startFakeSlack();
    logger = createMemoryLogger([TOKEN, SECRET]);
    replicas = [];
    for (let i = 0; i < 2; i++) {
      // Each replica opens its own connection, as separate processes would.
      const claims = openEventClaims(parseStoreConfig(backend.env), { logger, open: backend.open });
      const app = await startSlack({
        responder: testResponder(),
        config: {
          mode: "http",
          botToken: TOKEN,
          apiUrl: fake.apiUrl,
          signingSecret: SECRET,
          port: 0,
        },
        logger,
        rateLimiter: createRateLimiter({ limit: 100 }),
        seedsBaseUrl: null,
        host: "127.0.0.1",
        retryConfig: { retries: 0 },
        claims,
      });
      replicas.push({ app, claims, url: `http://127.0.0.1:${app.port}/slack/events` });
    }
  });

  afterEach(async () => {
    await fake.close();
    await backend.dispose();
  });

  /** Stops both replicas, which waits for every delivery they took to be answered. */
  async function stopAll() {
    for (const r of replicas) {
      await r.app.stop();
      await r.claims.close();
    }
  }

  const deliver = (url: string, body: string, retry = 0) =>
    fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        ...signSlack(SECRET, body),
        ...(retry > 0
          ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" }
          : {}),
      },
    });

  it("the same events and Slack's retries reaching both replicas are answered once each", async () => {
    const events = Array.from({ length: 6 }, (_, i) => ({
      body: mention(
        `Ev${i}`,
        i % 2 ? "when are refunds paid?" : "where do parcels ship from?",
        `7.${i}`,
      ),
      ts: `7.${i}`,
    }));
    const deliveries = events.flatMap(({ body }) =>
      replicas.flatMap(({ url }) => [
        deliver(url, body),
        deliver(url, body, 1),
        deliver(url, body, 2),
      ]),
    );
    const statuses = (await Promise.all(deliveries)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    await stopAll();

    const posts = fake.calls.all.filter((c) => c.name === "chat.postMessage");
    expect(posts.map((p) => p.body["thread_ts"]).sort()).toEqual(events.map((e) => e.ts).sort());
    // Every other delivery (the twin on the other replica and the retries) was dropped.
    expect(logger.lines.filter((l) => l.includes("already claimed")).length).toBe(
      events.length * 5,
    );
  });
});
