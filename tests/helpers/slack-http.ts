// The real Bolt app in HTTP mode against the loopback fake, for the conversation tests: signed
// events, commands, shortcuts and button clicks, and a fixed responder whose picks are known.
import type { Answer, AskOptions, Excerpt, Responder, Thread } from "../../src/tools.ts";
import { createMemoryLogger } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import type { HelpChannels } from "../../adapters/slack/help-channels.ts";
import { signSlack, type FakeSlack } from "./fake-slack.ts";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TOKEN = "xoxb-1111-2222-secretbottoken";

/** A sentence of the fixed responder's one document. */
function sentence(text: string, start: number): Excerpt {
  return {
    text,
    doc: "policy.md",
    title: "Policy",
    paragraph: 1,
    line: 1,
    start,
    end: start + text.length,
    score: 1,
    highlights: [],
    clippedStart: false,
    clippedEnd: false,
  };
}

/** The fixed responder's sentences: `ask` quotes the first, "More" the others in order. */
export const SENTENCES = [
  sentence("Refunds are paid within 14 days.", 0),
  sentence("Parcels ship from Rotterdam every weekday.", 40),
  sentence("Returns are free for members.", 90),
] as const;

/** One call the fixed responder received. */
export interface Call {
  kind: "ask" | "more";
  question: string;
  thread: Thread;
  minConfidence?: number;
}

/**
 * A responder with known answers: a question is answered with SENTENCES[0] (or `answerWith`'s
 * pick) at confidence 0.9 when it says "sure", 0.6 otherwise, and not found below the asked
 * least confidence; "More" gives the next sentence not shown in the thread, then `no_more`.
 */
export function fixedResponder(): Responder & { calls: Call[]; pick: number } {
  const calls: Call[] = [];
  const shownIn = (thread: Thread) => new Set(thread.flatMap((t) => t.shown.map((s) => s.start)));
  const self = {
    calls,
    pick: 0,
    documents: () => [{ doc: "policy.md", title: "Policy", passages: 3 }],
    ask(question: string, options: AskOptions = {}): Answer {
      const { thread = [], minConfidence } = options;
      calls.push({ kind: "ask", question, thread, ...(minConfidence ? { minConfidence } : {}) });
      const confidence = question.includes("sure") ? 0.9 : 0.6;
      if (confidence < (minConfidence ?? 0.55))
        return { kind: "not_found", question, suggestions: { titles: [] }, confidence };
      const first = SENTENCES[self.pick] ?? SENTENCES[0];
      return { kind: "cited", question, excerpts: [first], confidence };
    },
    more(thread: Thread): Answer {
      const question = thread.at(-1)?.question ?? "";
      calls.push({ kind: "more", question, thread });
      const next = SENTENCES.find((s) => !shownIn(thread).has(s.start));
      return next ? { kind: "cited", question, excerpts: [next] } : { kind: "no_more", question };
    },
  };
  return self;
}

/** Starts the app in HTTP mode on the fake; the returned helpers sign what they send. */
export async function startHttpSlack(
  fake: FakeSlack,
  responder: Responder,
  options: { help?: HelpChannels; limit?: number } = {},
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
  return {
    app,
    logger,
    /** Delivers an Events API event; `eventId` repeats a delivery (a retry). */
    event: (event: Record<string, unknown>, eventId = `Ev${++events}`) =>
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
      ),
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

/** The value of the button `action` in a message body the fake received. */
export function buttonValue(body: Record<string, unknown>, action: string): string | undefined {
  const blocks = (body["blocks"] ?? []) as {
    elements?: { action_id?: string; value?: string }[];
  }[];
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === action)?.value;
}
