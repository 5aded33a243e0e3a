// A fresh fake Slack and app for each test, and people talking in its channel C1, delivered to
// the app as Slack would.
import { afterEach, beforeEach } from "vitest";
import { startFakeSlack, type FakeSlack } from "./fake-slack.ts";
import { fixedResponder, startHttpSlack, type HttpSlack } from "./slack-http.ts";

/**
 * Starts the fake and the app (over {@link fixedResponder}) before each test and stops both
 * after it; `restart()` replaces the app with a fresh process's, keeping the fake's messages.
 */
export function useSlackTalk() {
  let fake: FakeSlack;
  let app: HttpSlack;
  let responder: ReturnType<typeof fixedResponder>;
  beforeEach(async () => {
    fake = await startFakeSlack();
    responder = fixedResponder();
    app = await startHttpSlack(fake, responder);
  });
  afterEach(async () => {
    await app.app.stop();
    await fake.close();
  });

  /** A person's message in C1 (in `thread` when given), kept by the fake and delivered. */
  const say = async (words: string, thread?: string, type = "message", user = "U1") => {
    const m = fake.say("C1", { user, text: words, ...(thread ? { thread_ts: thread } : {}) });
    await app.event({ type, channel: "C1", channel_type: "channel", ...m });
    return m;
  };
  return {
    fake: () => fake,
    app: () => app,
    responder: () => responder,
    say,
    /** citebot's posts in `thread` so far. */
    postsIn: (thread: string) =>
      fake.calls.all.filter((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === thread),
    /** Asks `@citebot words` at the top of C1 and waits for the answer in its new thread. */
    async mention(words: string) {
      const m = await say(`<@UBOT> ${words}`, undefined, "app_mention");
      await fake.calls.next((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === m.ts);
      return m.ts;
    },
    /** Stops the app (waiting for what it has in flight) and starts a fresh one. */
    async restart() {
      await app.app.stop();
      app = await startHttpSlack(fake, responder);
    },
  };
}
