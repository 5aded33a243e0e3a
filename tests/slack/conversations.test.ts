// Slack conversations end to end (issue 14): follow-ups in threads read back from Slack, replies
// without a mention, threads never joined, More until No more, and one answer per delivery.
import { beforeEach, describe, expect, it } from "vitest";
import { MORE_ACTION } from "../../adapters/slack/render.ts";
import { buttonValue, fixedResponder, httpSlackPerTest, SENTENCES } from "../helpers/slack-http.ts";

const run = httpSlackPerTest();
let responder: ReturnType<typeof fixedResponder>;

beforeEach(async () => {
  responder = fixedResponder();
  await run.start(responder);
});

const posted = (thread: string) =>
  run.fake.calls.next((c) => c.name === "chat.postMessage" && c.body["thread_ts"] === thread);
const text = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body["blocks"]);

/** A person's message in C1, kept by the fake and delivered as Slack would. */
const say = (words: string, thread?: string, type?: string) =>
  run.slack.say("C1", words, thread, type);

/** Asks `@citebot words` at the top of C1 and waits for the answer in its new thread. */
async function mention(words: string) {
  const m = await say(`<@UBOT> ${words}`, undefined, "app_mention");
  await posted(m.ts);
  return m.ts;
}

describe("Slack threads are conversations", () => {
  it("holds a three-turn conversation: replies need no mention and carry the turns before", async () => {
    const thread = await mention("when are refunds paid?");
    await say("and for members?", thread);
    await posted(thread);
    await say("who pays them?", thread);
    await posted(thread);
    const [, second, third] = responder.calls;
    const first = { doc: "policy.md", start: 0, end: SENTENCES[0].text.length };
    expect(second?.thread).toEqual([{ question: "when are refunds paid?", shown: [first] }]);
    expect(third?.thread).toEqual([
      { question: "when are refunds paid?", shown: [first] },
      { question: "and for members?", shown: [first] },
    ]);
    expect(run.posts(thread)).toHaveLength(3);
  });

  it("reads a thread back after a restart: a mention there follows on from citebot's answers", async () => {
    const thread = await mention("when are refunds paid?");
    await run.slack.app.stop();
    await run.start(responder);
    await say("<@UBOT> and for members?", thread, "app_mention");
    await run.fake.calls.next(
      (c) => c.name === "chat.postMessage" && run.posts(thread).length === 2,
    );
    expect(responder.calls.at(-1)?.thread).toEqual([
      { question: "when are refunds paid?", shown: [{ doc: "policy.md", start: 0, end: 32 }] },
    ]);
  });

  it("uses a thread's earlier messages when mentioned in a thread it never joined", async () => {
    const parent = run.fake.say("C1", { user: "U2", text: "Does anyone know about refunds?" });
    await say("<@UBOT> how long do they take?", parent.ts, "app_mention");
    await posted(parent.ts);
    expect(responder.calls[0]?.thread).toEqual([
      { question: "Does anyone know about refunds?", shown: [] },
    ]);
  });

  it("ignores a reply in a thread citebot never joined, and a top-level message", async () => {
    const parent = run.fake.say("C1", { user: "U2", text: "Lunch at noon?" });
    await say("sure, refunds after", parent.ts);
    await say("refunds paid when?");
    await run.slack.app.stop(); // waits for anything in flight
    expect(run.posts()).toEqual([]);
    expect(responder.calls).toEqual([]);
  });

  it("More gives the next excerpts in the thread until No more, never repeating one", async () => {
    const thread = await mention("when are refunds paid?");
    let answer = run.posts(thread)[0];
    const shown: string[] = [];
    for (let i = 0; i < 5 && answer && text(answer).includes(MORE_ACTION); i++) {
      const value = buttonValue(answer.body, MORE_ACTION) ?? "";
      await run.slack.click(MORE_ACTION, value, `more-${i}`, {
        message: { ts: answer.body["ts"] },
      });
      answer = await posted(thread);
      shown.push(text(answer));
    }
    expect(shown).toHaveLength(3);
    expect(shown[0]).toContain(SENTENCES[1].text);
    expect(shown[1]).toContain(SENTENCES[2].text);
    expect(shown[2]).toContain("No more");
    expect(shown[2]).not.toContain(MORE_ACTION);
    expect(responder.calls.filter((c) => c.kind === "more").at(-1)?.thread).toEqual([
      {
        question: "when are refunds paid?",
        shown: SENTENCES.map((s) => ({ doc: s.doc, start: s.start, end: s.end })),
      },
    ]);
  });

  it("More on a private /ask answer answers privately, then No more", async () => {
    await run.slack.command("when are refunds paid?", "ask");
    let reply = await run.fake.responses.next((r) => r.name === "ask");
    for (const [i, expected] of [SENTENCES[1].text, SENTENCES[2].text, "No more"].entries()) {
      await run.slack.click(MORE_ACTION, buttonValue(reply.body, MORE_ACTION) ?? "", `m${i}`);
      reply = await run.fake.responses.next((r) => r.name === `m${i}`);
      expect(reply.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(text(reply)).toContain(expected);
    }
  });
});

describe("Slack conversations answer each delivery once", () => {
  it("answers a retried event and a mention that also arrives as a message once", async () => {
    const thread = await mention("when are refunds paid?");
    const m = run.fake.say("C1", {
      user: "U1",
      text: "<@UBOT> and for members?",
      thread_ts: thread,
    });
    const event = { channel: "C1", channel_type: "channel", ...m };
    await run.slack.event({ type: "app_mention", ...event }, "Ev-twice");
    await run.slack.event({ type: "app_mention", ...event }, "Ev-twice");
    await run.slack.event({ type: "message", ...event });
    const click = buttonValue(run.posts(thread)[0]?.body ?? {}, MORE_ACTION) ?? "";
    await run.slack.click(MORE_ACTION, click, "same", { trigger_id: "t-same" });
    await run.slack.click(MORE_ACTION, click, "same", { trigger_id: "t-same" });
    await run.slack.app.stop();
    expect(responder.calls.map((c) => c.kind)).toEqual(["ask", "ask", "more"]);
    expect(run.posts(thread)).toHaveLength(3);
  });
});
