// The message shortcut Ask citebot on a reply in a thread (issue 14): the thread's earlier turns
// are the question's conversation, as for a mention there, and the answer stays private and safe.
import { beforeEach, describe, expect, it } from "vitest";
import { MORE_ACTION } from "../../adapters/slack/render.ts";
import { buttonValue, fixedResponder, httpSlackPerTest, SENTENCES } from "../helpers/slack-http.ts";

const run = httpSlackPerTest();
let responder: ReturnType<typeof fixedResponder>;

beforeEach(async () => {
  responder = fixedResponder();
  await run.start(responder);
});

/** Asks `@citebot words` at the top of C1 and waits for the answer in its new thread. */
async function mention(words: string) {
  const m = await run.slack.say("C1", `<@UBOT> ${words}`, undefined, "app_mention");
  await run.fake.calls.next((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === m.ts);
  return m.ts;
}

// Anything that would ping or link in mrkdwn: <!…>, <@…>, <#…>, <http…>.
const PING = /<[!@#]|<https?:/;
/** What Slack shows of a message: everything but the button values it sends back. */
const shown = (body: Record<string, unknown>) =>
  JSON.stringify(body, (key, v: unknown) => (key === "value" ? undefined : v));
const first = { doc: "policy.md", start: 0, end: SENTENCES[0].text.length };

describe("Ask citebot on a message in a thread", () => {
  it("asks it as a follow-up of the thread's earlier turns, privately, pinging nobody", async () => {
    const thread = await mention("when are refunds paid?");
    const hostile = "<!channel> <@U999|bob> *and* <https://evil.example|for> members?";
    // Not delivered as an event: only the shortcut brings this reply to citebot.
    const reply = run.fake.say("C1", { user: "U2", text: hostile, thread_ts: thread });
    await run.slack.shortcut({ ...reply }, "sc");
    const answer = await run.fake.responses.next((r) => r.name === "sc");
    expect(answer.body["response_type"]).toBe("ephemeral");
    expect(shown(answer.body)).not.toMatch(PING);
    expect(responder.calls.at(-1)).toEqual({
      kind: "ask",
      question: "@channel @bob *and* for members?",
      thread: [{ question: "when are refunds paid?", shown: [first] }],
    });
    // More goes on from the thread and this answer.
    await run.slack.click(MORE_ACTION, buttonValue(answer.body, MORE_ACTION) ?? "", "more");
    await run.fake.responses.next((r) => r.name === "more");
    expect(responder.calls.at(-1)?.thread).toEqual([
      { question: "when are refunds paid?", shown: [first] },
      { question: "@channel @bob *and* for members?", shown: [first] },
    ]);
  });

  it("reads only the turns before the message, and none for a thread's first message", async () => {
    const parent = run.fake.say("C1", {
      user: "U2",
      text: "<!here> Does anyone know about refunds?",
    });
    const middle = run.fake.say("C1", {
      user: "U3",
      text: "how long do they take?",
      thread_ts: parent.ts,
    });
    run.fake.say("C1", { user: "U2", text: "later words", thread_ts: parent.ts });
    await run.slack.shortcut({ ...middle }, "mid");
    await run.fake.responses.next((r) => r.name === "mid");
    await run.slack.shortcut({ ...parent, thread_ts: parent.ts }, "top");
    await run.fake.responses.next((r) => r.name === "top");
    expect(responder.calls.map((c) => c.thread)).toEqual([
      [{ question: "@here Does anyone know about refunds?", shown: [] }],
      [],
    ]);
    expect(run.fake.calls.all.filter((c) => c.name === "chat.postMessage")).toEqual([]);
    const reads = run.fake.calls.all.filter((c) => c.name === "conversations.replies");
    expect(reads.map((c) => c.body["ts"])).toEqual([parent.ts]);
  });
});
