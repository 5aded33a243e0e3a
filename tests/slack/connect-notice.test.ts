// Start-up steps that wait on Slack say so: an unreachable Web API or Socket Mode URL is a warning
// while the clients retry, and one line naming the setting when they give up.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import type { SlackConfig } from "../../adapters/slack/config.ts";
import { toStartFailure } from "../../adapters/slack/start-failure.ts";
import { startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const BOT = "xoxb-3333-4444-noticebottoken";
const APP = "xapp-1-A1-5555-noticeapptoken";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Socket Mode with the test tokens, its Web API at `apiUrl`. */
function socketMode(apiUrl: string): SlackConfig {
  return { mode: "socket", botToken: BOT, appToken: APP, apiUrl };
}

function start(config: SlackConfig, logger: ReturnType<typeof createMemoryLogger>) {
  return startSlack({
    responder: testResponder(),
    config,
    logger,
    rateLimiter: createRateLimiter({ limit: 100 }),
    seedsBaseUrl: null,
    retryConfig: { retries: 2, factor: 1, minTimeout: 150, maxTimeout: 150 },
    connectNoticeMs: 50,
  });
}

let fake: FakeSlack | null = null;
let app: SlackApp | null = null;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = fake = null;
});

describe("Slack start-up that waits on an unreachable address", () => {
  it("warns while the Web API retries, then fails with one line naming SLACK_API_URL", async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
    const config = socketMode(apiUrl);
    const logger = createMemoryLogger([BOT, APP]);
    const error = await start(config, logger).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const warning = logger.lines.find((l) => l.includes("no answer from Slack's Web API"));
    expect(warning).toContain(`${apiUrl} (SLACK_API_URL) after 0 s; still retrying`);
    const line = toStartFailure(error, config).message;
    expect(line).toBe(
      `could not reach Slack's Web API at ${apiUrl} (ECONNREFUSED); check SLACK_API_URL (leave it empty for Slack itself) and the network.`,
    );
    expect(line).not.toContain("check the tokens");
    expect(logger.lines.join("\n")).not.toContain(BOT);
  });

  it("warns while Socket Mode cannot open its websocket, and starts once it can", async () => {
    fake = await startFakeSlack();
    const bad = `ws://127.0.0.1:${await closedPort()}/socket`;
    fake.script("apps.connections.open", [{ status: 200, body: { ok: true, url: bad } }]);
    const logger = createMemoryLogger([BOT, APP]);
    const config = socketMode(fake.apiUrl);
    app = await start(config, logger);
    expect(logger.lines.some((l) => l.includes("Socket Mode is not connected after"))).toBe(true);
    expect(app.health().ready).toBe(true);
  });

  it("a Socket Mode connection lost after start is one warning, and its return one line", async () => {
    fake = await startFakeSlack();
    const logger = createMemoryLogger([BOT, APP]);
    const config = socketMode(fake.apiUrl);
    app = await start(config, logger);
    fake.dropSockets();
    // The client waits its back-off (5 s) before reconnecting.
    const reconnected = () => logger.lines.some((l) => l.includes("Socket Mode reconnected"));
    await expect.poll(reconnected, { timeout: 15_000, interval: 100 }).toBe(true);
    const lost = logger.lines.filter((l) => l.includes("Socket Mode connection lost"));
    expect(lost).toHaveLength(1);
    expect(app.health().ready).toBe(true);
  });
});
