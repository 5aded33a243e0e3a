// The real Bolt app in HTTP mode against the loopback fake, for the conversation tests: signed
// events, messages, commands, shortcuts and button clicks, and a fresh fake for each test.
import { afterEach, beforeEach } from "vitest";
import type { Responder } from "../../src/tools.ts";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import type { HelpChannels } from "../../adapters/slack/help-channels.ts";
import { signSlack, startFakeSlack, type FakeSlack, type Received } from "./fake-slack.ts";

export { fixedResponder, SENTENCES, type Call } from "./fixed-responder.ts";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TOKEN = "xoxb-1111-2222-secretbottoken";

/** Options of {@link startHttpSlack}: help channels, and questions a minute (default no limit). */
export interface HttpSlackOptions {
  help?: HelpChannels;
  limit?: number;
}

/** Starts the app in HTTP mode on the fake; the returned helpers sign what they send. */
export async function startHttpSlack(
  fake: FakeSlack,
  responder: Responder,
  options: HttpSlackOptions = {},
) {
  const logger = createMemoryLogger([TOKEN, SECRET]);
  const app: SlackApp = await startSlack({
    responder,
    config: {
      mode: "http",
      botToken: TOKEN,
      apiUrl: fake.apiUrl,
      signingSecret: SECRET,
      port: 0,
      ...(options.help ? { help: options.help } : {}),
    },
    logger,
    rateLimiter: createRateLimiter({ limit: options.limit ?? 0 }),
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  const post = async (body: string, type: string) => {
    const headers = { "content-type": type, ...signSlack(SECRET, body) };
    const res = await fetch(url, { method: "POST", body, headers });
    if (res.status !== 200) throw new Error(`Bolt answered ${res.status}`);
  };
  let events = 0;
  let clicks = 0;
  const interactive = (payload: Record<string, unknown>) =>
    post(
      new URLSearchParams({
        payload: JSON.stringify({ api_app_id: "A1", token: "verification", ...payload }),
      }).toString(),
      "application/x-www-form-urlencoded",
    );
  /** Delivers an Events API event; `eventId` repeats a delivery (a retry). */
  const event = (event: Record<string, unknown>, eventId = `Ev${++events}`) =>
    post(
      JSON.stringify({
        team_id: "T1",
        api_app_id: "A1",
        type: "event_callback",
        event_id: eventId,
        event_time: 1,
        event,
        authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      }),
      "application/json",
    );
  return {
    app,
    logger,
    event,
    /** A person's message in `channel` (in `thread`'s thread), kept by the fake and delivered. */
    say: async (channel: string, text: string, thread?: string, type = "message") => {
      const m = fake.say(channel, { user: "U1", text, ...(thread ? { thread_ts: thread } : {}) });
      await event({ type, channel, channel_type: "channel", ...m });
      return m;
    },
    /** Runs `/ask text`; its replies go to response_url `id`. */
    command: (text: string, id: string, user = "U1") =>
      post(
        new URLSearchParams({
          team_id: "T1",
          channel_id: "C1",
          user_id: user,
          command: "/ask",
          text,
          response_url: fake.responseUrl(id),
          trigger_id: `trigger-${id}`,
          api_app_id: "A1",
        }).toString(),
        "application/x-www-form-urlencoded",
      ),
    /** Clicks a button with `value`; replies go to response_url `id` (`extra.trigger_id` repeats a click). */
    click: (action: string, value: string, id: string, extra: Record<string, unknown> = {}) =>
      interactive({
        type: "block_actions",
        user: { id: "U1" },
        team: { id: "T1" },
        channel: { id: "C1" },
        trigger_id: `click-${++clicks}`,
        response_url: fake.responseUrl(id),
        actions: [{ type: "button", action_id: action, block_id: "b", value, action_ts: "1" }],
        ...extra,
      }),
    /** Uses the message shortcut on `message`; replies go to response_url `id`. */
    shortcut: (message: Record<string, unknown>, id: string) =>
      interactive({
        type: "message_action",
        callback_id: "citebot_ask",
        trigger_id: `trigger-${id}`,
        response_url: fake.responseUrl(id),
        message_ts: message["ts"],
        message: { type: "message", ...message },
        user: { id: "U1", name: "u1" },
        channel: { id: "C1", name: "general" },
        team: { id: "T1", domain: "t1" },
        action_ts: "1",
      }),
  };
}

/** A running app and its helpers. */
export type HttpSlack = Awaited<ReturnType<typeof startHttpSlack>>;

/** A test's fake and the app it started on it; see {@link httpSlackPerTest}. */
export interface HttpSlackTest {
  /** This test's fake. */
  readonly fake: FakeSlack;
  /** The app the test started last. */
  readonly slack: HttpSlack;
  /** Starts the app on this test's fake (again, after the test stopped it: a restart). */
  start(responder: Responder, options?: HttpSlackOptions): Promise<HttpSlack>;
  /** The messages citebot posted, all of them or those in the thread of `ts`. */
  posts(ts?: string): Received[];
}

/**
 * Gives each test of the calling file a fresh fake, and stops the app it started and the fake
 * after it. Call it at the top of the file; the hooks are registered there.
 */
export function httpSlackPerTest(): HttpSlackTest {
  let fake: FakeSlack | undefined;
  let slack: HttpSlack | undefined;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await slack?.app.stop();
    await fake?.close();
    fake = slack = undefined;
  });
  const running = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`${what} is not running: use it inside a test`);
    return x;
  };
  return {
    get fake() {
      return running(fake, "the fake");
    },
    get slack() {
      return running(slack, "no app was started, so it");
    },
    async start(responder, options = {}) {
      slack = await startHttpSlack(this.fake, responder, options);
      return slack;
    },
    posts(ts) {
      return this.fake.calls.all.filter(
        (c) => c.name === "chat.postMessage" && (ts === undefined || c.body["thread_ts"] === ts),
      );
    },
  };
}

/** The value of the button `action` in a message body the fake received. */
export function buttonValue(body: Record<string, unknown>, action: string): string | undefined {
  const blocks = (body["blocks"] ?? []) as {
    elements?: { action_id?: string; value?: string }[];
  }[];
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === action)?.value;
}
