import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TOKEN = "xoxb-1111-2222-secretbottoken";

let fake: FakeSlack;
let app: SlackApp;
let indexLoaded: boolean;

beforeEach(async () => {
  fake = await startFakeSlack();
  indexLoaded = true;
  app = await startSlack({
    responder: testResponder(),
    config: { mode: "http", botToken: TOKEN, apiUrl: fake.apiUrl, signingSecret: SECRET, port: 0 },
    logger: createMemoryLogger([TOKEN, SECRET]),
    rateLimiter: createRateLimiter({ limit: 100 }),
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
    indexReady: () => indexLoaded,
  });
});

afterEach(async () => {
  await app.stop();
  await fake.close();
});

const get = (path: string) => fetch(`http://127.0.0.1:${app.port}${path}`);

describe("Slack HTTP mode's probes, on its own port, unsigned", () => {
  it("/readyz is 200 with the workspace count once connected; /healthz too", async () => {
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, workspaces: 1, documents: 1 });
    expect((await get("/healthz")).status).toBe(200);
  });

  it("/readyz is 503 naming the index while it is not loaded; /healthz stays 200", async () => {
    indexLoaded = false;
    const starting = await get("/readyz");
    expect(starting.status).toBe(503);
    expect(await starting.json()).toMatchObject({ ready: false, waitingFor: ["index"] });
    expect((await get("/healthz")).status).toBe(200);
  });
});
