import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMemoryLogger,
  createQuestionLog,
  createStore,
  type QuestionLog,
} from "../../src/tools.ts";
import { createAsking } from "../../adapters/shared/asking.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { REASON_VIEW, VOTE_DOWN, VOTE_UP } from "../../adapters/slack/feedback.ts";
import { createSqliteBackend, type TestBackend } from "../helpers/databases.ts";
import { signSlack, startFakeSlack, testResponder, type FakeSlack } from "../helpers/fake-slack.ts";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TOKEN = "xoxb-1111-2222-secretbottoken";

let fake: FakeSlack;
let app: SlackApp;
let backend: TestBackend;
let log: QuestionLog;
let url: string;
let reloads = 0;
const logger = createMemoryLogger([TOKEN, SECRET]);

beforeAll(async () => {
  fake = await startFakeSlack();
  backend = await createSqliteBackend();
  log = createQuestionLog({ open: backend.open, logger });
  const responder = testResponder();
  app = await startSlack({
    responder,
    asking: createAsking({ responder, log }),
    reload: async () => {
      reloads++;
      return responder.documents().length;
    },
    config: { mode: "http", botToken: TOKEN, apiUrl: fake.apiUrl, signingSecret: SECRET, port: 0 },
    logger,
    rateLimiter: createRateLimiter({ limit: 0 }),
    seedsBaseUrl: null,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
  url = `http://127.0.0.1:${app.port}/slack/events`;
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
  await log?.close();
  await backend?.dispose();
});

const post = (body: string) =>
  fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...signSlack(SECRET, body) },
  });

const slash = (command: string, text: string, id: string, user = "U1") =>
  post(
    new URLSearchParams({
      token: "verification",
      team_id: "T1",
      channel_id: "C1",
      user_id: user,
      command,
      text,
      response_url: fake.responseUrl(id),
      trigger_id: `trigger-${id}`,
      api_app_id: "A1",
    }).toString(),
  );

const interactive = (payload: Record<string, unknown>) =>
  post(
    new URLSearchParams({
      payload: JSON.stringify({
        api_app_id: "A1",
        token: "verification",
        team: { id: "T1" },
        ...payload,
      }),
    }).toString(),
  );

const press = (actionId: string, questionId: string, user: string, id: string) =>
  interactive({
    type: "block_actions",
    user: { id: user },
    channel: { id: "C1" },
    trigger_id: `trigger-${id}`,
    response_url: fake.responseUrl(id),
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "citebot_feedback",
        value: questionId,
        action_ts: "1",
      },
    ],
  });

const questions = async () => {
  await log.flush();
  return createStore((await log.store()).db).questionsSince(0);
};

describe("Slack: logging and feedback", () => {
  let questionId = "";

  it("an /ask answer is logged and carries 👍 / 👎 buttons", async () => {
    await slash("/ask", "when are refunds paid?", "ask1");
    const reply = await fake.responses.next((r) => r.name === "ask1");
    const blocks = reply.body["blocks"] as {
      type: string;
      block_id?: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const feedback = blocks.find((b) => b.block_id === "citebot_feedback");
    expect(feedback?.elements?.map((e) => e.action_id)).toEqual([VOTE_UP, VOTE_DOWN]);
    const [row] = await questions();
    expect(row).toMatchObject({
      platform: "slack",
      workspace: "T1",
      channel: "C1",
      outcome: "answered",
    });
    expect(feedback?.elements?.[0]?.value).toBe(row?.id);
    questionId = row?.id ?? "";
  });

  it("👍 thanks privately; 👎 opens the reason modal; its reason is kept, last vote wins", async () => {
    await press(VOTE_UP, questionId, "U7", "up");
    expect((await fake.responses.next((r) => r.name === "up")).body).toMatchObject({
      text: "Thanks for the feedback.",
      response_type: "ephemeral",
    });
    await press(VOTE_DOWN, questionId, "U7", "down");
    const opened = await fake.calls.next((c) => c.name === "views.open");
    expect(opened.body["trigger_id"]).toBe("trigger-down");
    const view = JSON.parse(String(opened.body["view"])) as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view).toMatchObject({ callback_id: REASON_VIEW, private_metadata: questionId });
    const submitted = await interactive({
      type: "view_submission",
      user: { id: "U7" },
      view: {
        id: "V1",
        callback_id: REASON_VIEW,
        private_metadata: questionId,
        state: {
          values: {
            reason: {
              reason: { type: "plain_text_input", value: "Refunds now take 30 days <!channel>" },
            },
          },
        },
      },
    });
    expect(submitted.status).toBe(200);
    await press(VOTE_DOWN, questionId, "U8", "down2");
    await fake.calls.next((c) => c.name === "views.open");
    await log.flush();
    const votes = await createStore((await log.store()).db).feedbackSince(0);
    expect(votes.map((v) => [v.vote, v.reason]).sort()).toEqual([
      [-1, null],
      [-1, "Refunds now take 30 days <!channel>"],
    ]);
  });
});

describe("Slack: /citebot for workspace admins only", () => {
  it.each(["report", "reload", "sources"])(
    "/citebot %s is politely refused to a member",
    async (sub) => {
      await slash("/citebot", sub, `member-${sub}`, "U1");
      const reply = await fake.responses.next((r) => r.name === `member-${sub}`);
      expect(reply.body["text"]).toMatch(/^Sorry, `\/citebot` is for workspace admins and owners/);
      expect(reply.body["response_type"]).toBe("ephemeral");
    },
  );

  it("an admin gets the report, and an owner can reload and list the sources", async () => {
    fake.setRole("UADMIN", "admin");
    fake.setRole("UOWNER", "owner");
    await slash("/citebot", "report", "report", "UADMIN");
    const report = String((await fake.responses.next((r) => r.name === "report")).body["text"]);
    expect(report).toContain("1 questions since");
    expect(report).toContain("0 👍, 2 👎");
    await slash("/citebot", "reload", "reload", "UOWNER");
    expect((await fake.responses.next((r) => r.name === "reload")).body["text"]).toBe(
      "Reloaded: 1 documents.",
    );
    expect(reloads).toBe(1);
    await slash("/citebot", "sources", "sources", "UOWNER");
    expect((await fake.responses.next((r) => r.name === "sources")).body["text"]).toContain(
      "policy.md",
    );
    const info = fake.calls.all.filter((c) => c.name === "users.info").map((c) => c.body["user"]);
    expect(info).toEqual(expect.arrayContaining(["U1", "UADMIN", "UOWNER"]));
  });
});
