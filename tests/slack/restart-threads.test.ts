// Slack threads after a restart (issue 14): whether citebot answered in a thread comes from
// Slack (its answers' metadata, read with conversations.replies), not from the process's memory.
import { beforeEach, describe, expect, it } from "vitest";
import { createJoinedThreads } from "../../adapters/slack/thread-joined.ts";
import { fixedResponder, httpSlackPerTest, SENTENCES } from "../helpers/slack-http.ts";

const run = httpSlackPerTest();
let responder: ReturnType<typeof fixedResponder>;

beforeEach(async () => {
  responder = fixedResponder();
  await run.start(responder);
});

const reads = () => run.fake.calls.all.filter((c) => c.name === "conversations.replies");
/** A person's message in C1, kept by the fake and delivered as Slack would. */
const say = (words: string, thread?: string, type?: string) =>
  run.slack.say("C1", words, thread, type);

/** Asks `@citebot words` at the top of C1 and waits for the answer in its new thread. */
async function mention(words: string) {
  const m = await say(`<@UBOT> ${words}`, undefined, "app_mention");
  await run.fake.calls.next((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === m.ts);
  return m.ts;
}

/** A fresh process on the same fake: nothing of the old one's memory is left. */
async function restart() {
  await run.slack.app.stop();
  await run.start(responder);
}

describe("Slack threads citebot answered in, after a restart", () => {
  it("answers an unmentioned reply as a follow-up of the thread Slack gives back", async () => {
    const thread = await mention("when are refunds paid?");
    await restart();
    await say("and for members?", thread);
    await run.slack.app.stop(); // waits for the answer in flight
    expect(run.posts(thread)).toHaveLength(2);
    expect(responder.calls.at(-1)).toMatchObject({
      question: "and for members?",
      thread: [
        {
          question: "when are refunds paid?",
          shown: [{ doc: "policy.md", start: 0, end: SENTENCES[0].text.length }],
        },
      ],
    });
  });

  it("still ignores a thread it never joined, reading it once for any number of replies", async () => {
    await mention("when are refunds paid?");
    await restart();
    const parent = run.fake.say("C1", { user: "U2", text: "Lunch at noon?" });
    await say("sure, refunds after", parent.ts);
    await say("refunds paid when?", parent.ts);
    await say("and a top-level message", undefined);
    await run.slack.app.stop();
    expect(run.posts(parent.ts)).toEqual([]);
    expect(responder.calls).toHaveLength(1); // the first mention only
    expect(reads().map((c) => c.body["ts"])).toEqual([parent.ts]);
  });

  it("answers replies once a mention brought it into a thread it had read as not joined", async () => {
    const parent = run.fake.say("C1", { user: "U2", text: "Does anyone know about refunds?" });
    await say("no idea", parent.ts);
    await run.fake.calls.next((c) => c.name === "conversations.replies");
    await say("<@UBOT> how long do they take?", parent.ts, "app_mention");
    await run.fake.calls.next((c) => c.name === "chat.postMessage");
    await say("and for members?", parent.ts);
    await run.slack.app.stop();
    expect(responder.calls.map((c) => c.question)).toEqual([
      "how long do they take?",
      "and for members?",
    ]);
    expect(run.posts(parent.ts)).toHaveLength(2);
  });
});

describe("createJoinedThreads", () => {
  it("keeps a joined thread, and believes 'not joined' only for a while", () => {
    let now = 0;
    const joined = createJoinedThreads({ notJoinedMs: 1000, now: () => now });
    expect(joined.known("C1", "1.0")).toBeUndefined();
    joined.learn("C1", "1.0", false);
    joined.learn("C1", "2.0", true);
    now = 999;
    expect([joined.known("C1", "1.0"), joined.known("C1", "2.0")]).toEqual([false, true]);
    now = 1000;
    expect([joined.known("C1", "1.0"), joined.known("C1", "2.0")]).toEqual([undefined, true]);
    joined.learn("C1", "2.0", false); // an answer given there stays
    expect(joined.known("C1", "2.0")).toBe(true);
  });

  it("reads a thread once for the replies that arrive while it is being read", async () => {
    const joined = createJoinedThreads();
    let reads = 0;
    let finish: (joined: boolean) => void = () => {};
    const read = () => {
      reads++;
      return new Promise<boolean>((resolve) => (finish = resolve));
    };
    const both = Promise.all([joined.check("C1", "1.0", read), joined.check("C1", "1.0", read)]);
    finish(false);
    expect(await both).toEqual([false, false]);
    expect([reads, joined.known("C1", "1.0")]).toEqual([1, false]);
    expect(await joined.check("C1", "1.0", async () => true)).toBe(true); // read anew after
  });

  it("forgets the least recently used thread past its bound", () => {
    const joined = createJoinedThreads({ max: 2 });
    joined.learn("C1", "1.0", true);
    joined.learn("C1", "2.0", true);
    joined.known("C1", "1.0");
    joined.learn("C1", "3.0", true);
    expect(["1.0", "2.0", "3.0"].map((ts) => joined.known("C1", ts))).toEqual([
      true,
      undefined,
      true,
    ]);
  });
});
