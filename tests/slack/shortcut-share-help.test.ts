// The message shortcut on hostile text, "Post to channel" posting exactly what was shown, and
// help channels answered unasked only when citebot is sure (issue 14), end to end over Bolt.
import { describe, expect, it } from "vitest";
import { MORE_ACTION, SHARE_ACTION } from "../../adapters/slack/render.ts";
import { testResponder } from "../helpers/fake-slack.ts";
import { buttonValue, fixedResponder, httpSlackPerTest, SENTENCES } from "../helpers/slack-http.ts";

const run = httpSlackPerTest();

const HOSTILE =
  "<!channel> <!here> <!everyone> <@U999> <!subteam^S1|@devs> *bold* `code` <https://evil.example|your bank> &lt;!channel&gt; when are refunds paid?";
// Anything that would ping or link in mrkdwn: <!…>, <@…>, <#…>, <http…>.
const PING = /<[!@#]|<https?:/;
/** What Slack shows of a message: everything but the button values it sends back. */
const shown = (body: Record<string, unknown>) =>
  JSON.stringify(body, (key, v: unknown) => (key === "value" ? undefined : v));

describe("the message shortcut Ask citebot", () => {
  it("answers the message privately, with More and Post to channel, and pings nobody", async () => {
    const responder = fixedResponder();
    const slack = await run.start(responder);
    await slack.shortcut({ user: "U2", ts: "9.1", text: HOSTILE }, "sc");
    const reply = await run.fake.responses.next((r) => r.name === "sc");
    expect(reply.body["response_type"]).toBe("ephemeral");
    // Mentions and links are read as the words they show.
    expect(responder.calls[0]?.question).toBe(
      "@channel @here @everyone @U999 @@devs *bold* `code` your bank <!channel> when are refunds paid?",
    );
    const body = shown(reply.body);
    expect(body).toContain(SENTENCES[0].text);
    expect(body).not.toMatch(PING);
    expect(body).toContain(MORE_ACTION);
    expect(body).toContain(SHARE_ACTION);
    // Posted for everyone, it names only who shared it.
    await slack.click(SHARE_ACTION, buttonValue(reply.body, SHARE_ACTION) ?? "", "sc");
    const posted = await run.fake.responses.next((r) => r.name === "sc");
    expect(posted.body["response_type"]).toBe("in_channel");
    expect(shown(posted.body)).toContain("<@U1> asked: @channel @here");
    expect(shown(posted.body).replace("<@U1>", "")).not.toMatch(PING);
  });

  it("echoes a hostile question it cannot answer escaped, pinging nobody", async () => {
    const slack = await run.start(testResponder());
    await slack.shortcut({ user: "U2", ts: "9.2", text: `${HOSTILE} zebra` }, "nf");
    const body = shown((await run.fake.responses.next((r) => r.name === "nf")).body);
    expect(body).toContain("zebra");
    expect(body).not.toMatch(PING);
    expect(run.posts()).toEqual([]);
  });

  it("says why when the message has no text (only a file)", async () => {
    const slack = await run.start(testResponder());
    await slack.shortcut({ user: "U2", ts: "9.3", files: [{ id: "F1" }] }, "empty");
    const reply = await run.fake.responses.next((r) => r.name === "empty");
    expect(reply.body["text"]).toMatch(/no text I can read/);
  });
});

describe("Post to channel", () => {
  it("posts exactly the answer shown, even when the question would now be answered otherwise", async () => {
    const responder = fixedResponder();
    const slack = await run.start(responder);
    await slack.command("when are refunds paid?", "ask");
    const shown = await run.fake.responses.next((r) => r.name === "ask");
    responder.pick = 1; // the same question now quotes another sentence
    await slack.click(SHARE_ACTION, buttonValue(shown.body, SHARE_ACTION) ?? "", "ask");
    const shared = await run.fake.responses.next((r) => r.name === "ask");
    expect(shared.body).toMatchObject({ response_type: "in_channel", replace_original: false });
    const sections = (b: Record<string, unknown>) =>
      (b["blocks"] as { type: string }[]).filter((x) => x.type === "section");
    expect(sections(shared.body)).toEqual(sections(shown.body));
    expect(JSON.stringify(shared.body)).toContain(SENTENCES[0].text);
    expect((await run.fake.responses.next((r) => r.name === "ask")).body).toEqual({
      delete_original: true,
    });
  });

  it("posts the next excerpts a More showed, not the first answer", async () => {
    const slack = await run.start(fixedResponder());
    await slack.command("when are refunds paid?", "a");
    const first = await run.fake.responses.next((r) => r.name === "a");
    await slack.click(MORE_ACTION, buttonValue(first.body, MORE_ACTION) ?? "", "m");
    const more = await run.fake.responses.next((r) => r.name === "m");
    await slack.click(SHARE_ACTION, buttonValue(more.body, SHARE_ACTION) ?? "", "m");
    const shared = await run.fake.responses.next((r) => r.name === "m");
    expect(shared.body["response_type"]).toBe("in_channel");
    expect(JSON.stringify(shared.body)).toContain(SENTENCES[1].text);
    expect(JSON.stringify(shared.body)).not.toContain(SENTENCES[0].text);
  });

  it("after a restart, posts the answer asked again only when it is the one shown", async () => {
    const responder = fixedResponder();
    let slack = await run.start(responder);
    await slack.command("when are refunds paid?", "ask");
    const value = buttonValue((await run.fake.responses.next()).body, SHARE_ACTION) ?? "";
    await slack.app.stop();
    slack = await run.start(responder);
    await slack.click(SHARE_ACTION, value, "same");
    expect(JSON.stringify((await run.fake.responses.next()).body)).toContain(SENTENCES[0].text);
    responder.pick = 2;
    await slack.click(SHARE_ACTION, value, "changed");
    const refused = await run.fake.responses.next((r) => r.name === "changed");
    expect(refused.body["text"]).toMatch(/no longer post that answer as it was shown/);
    expect(refused.body["response_type"]).not.toBe("in_channel");
  });
});

describe("help channels", () => {
  const help = { channels: new Set(["CHELP"]), minConfidence: 0.75 };
  const post = (text: string, type?: string) => run.slack.say("CHELP", text, undefined, type);

  it("answers a post in its thread without a mention only above the stricter threshold", async () => {
    const responder = fixedResponder();
    const slack = await run.start(responder, { help });
    const vague = await post("refunds, anyone?"); // confidence 0.6
    const sure = await post("I am sure: when are refunds paid?"); // confidence 0.9
    const asked = await post("<@UBOT> refunds, anyone?", "app_mention");
    await slack.app.stop();
    expect(run.posts(vague.ts)).toEqual([]);
    expect(run.posts(sure.ts)).toHaveLength(1);
    // Addressed directly: the ordinary threshold, so an answer (or a reason) always comes.
    expect(run.posts(asked.ts)).toHaveLength(1);
    const unasked = responder.calls.filter((c) => c.minConfidence === 0.75);
    expect(unasked.map((c) => c.question)).toEqual([
      "refunds, anyone?",
      "I am sure: when are refunds paid?",
    ]);
  });

  it("stays out of a channel that is not listed, and logs nothing for a silent post", async () => {
    const slack = await run.start(fixedResponder(), { help });
    await slack.say("C1", "I am sure: refunds?");
    await post("refunds, anyone?");
    await slack.app.stop();
    expect(run.posts()).toEqual([]);
    expect(slack.logger.lines.join("\n")).not.toContain("refunds");
  });
});
