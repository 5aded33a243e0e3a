import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createLogger,
  openInstallations,
  parseStoreConfig,
  type Installations,
} from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startSlack, type SlackApp } from "../../adapters/slack/app.ts";
import { DEFAULT_SCOPES } from "../../adapters/slack/config.ts";
import { BACKENDS, type TestBackend } from "../helpers/databases.ts";
import {
  FAKE_CLIENT,
  Inbox,
  signSlack,
  startFakeSlack,
  testResponder,
  type FakeSlack,
} from "../helpers/fake-slack.ts";

const SIGNING = "8f742231b10e8888abcd99yyyzzz85a5";
const STATE = "state-secret-0123456789abcdef";

function teamEvent(team: string, eventId: string, event: Record<string, unknown>) {
  return JSON.stringify({
    token: "verification",
    team_id: team,
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: 1,
    event,
    authorizations: [{ team_id: team, user_id: "UBOT", is_bot: true }],
  });
}

const mention = (team: string, n: number) =>
  teamEvent(team, `Ev${team}${n}`, {
    type: "app_mention",
    user: "U1",
    text: "<@UBOT> when are refunds paid?",
    ts: `${n}.1`,
    channel: `C${team}`,
  });

describe.each(BACKENDS)(
  "Slack installed in many workspaces, installs kept in $name",
  ({ create }) => {
    let backend: TestBackend;
    let fake: FakeSlack;
    let installations: Installations;
    let app: SlackApp;
    let base: string;
    let logged: Inbox<string>;
    /** Resolves once the app has logged a line containing `text`. */
    const loggedLine = (text: string) => logged.next((line) => line.includes(text));

    beforeEach(async () => {
      backend = await create();
      fake = await startFakeSlack();
      logged = new Inbox<string>();
      installations = openInstallations(parseStoreConfig(backend.env), { open: backend.open });
      app = await startSlack({
        responder: testResponder(),
        config: {
          mode: "oauth",
          apiUrl: fake.apiUrl,
          clientId: FAKE_CLIENT.id,
          clientSecret: FAKE_CLIENT.secret,
          stateSecret: STATE,
          signingSecret: SIGNING,
          port: 0,
          scopes: DEFAULT_SCOPES,
        },
        installations,
        logger: createLogger({
          secrets: [FAKE_CLIENT.secret, STATE, SIGNING],
          write: (line) => logged.push(line),
        }),
        rateLimiter: createRateLimiter({ limit: 100 }),
        seedsBaseUrl: null,
        host: "127.0.0.1",
        retryConfig: { retries: 0 },
      });
      base = `http://127.0.0.1:${app.port}`;
    });

    afterEach(async () => {
      await app.stop();
      await installations.close();
      await fake.close();
      await backend.dispose();
    });

    /** /slack/install → Slack's consent page (not followed) → /slack/oauth_redirect with the code. */
    async function install(team: string, tamper?: (state: string) => string) {
      const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
      expect(start.status).toBe(302);
      const consent = new URL(start.headers.get("location") ?? "");
      expect(consent.searchParams.get("client_id")).toBe(FAKE_CLIENT.id);
      expect(consent.searchParams.get("scope")).toBe(DEFAULT_SCOPES.join(","));
      const state = consent.searchParams.get("state") ?? "";
      const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const sent = tamper ? tamper(state) : state;
      return fetch(
        `${base}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(sent)}`,
        {
          headers: { cookie },
        },
      );
    }

    const post = (body: string) =>
      fetch(`${base}/slack/events`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...signSlack(SIGNING, body) },
      });

    const postIn = (channel: string) =>
      fake.calls.next((c) => c.name === "chat.postMessage" && c.body["channel"] === channel);

    it("two workspaces install through OAuth and each is answered with its own token; an uninstall stops answers there", async () => {
      expect((await install("T2")).status).toBe(200);
      expect((await install("T3")).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ workspaces: 2 });

      await post(mention("T2", 1));
      await post(mention("T3", 1));
      expect((await postIn("CT2")).authorization).toBe("Bearer xoxb-T2-1");
      expect((await postIn("CT3")).authorization).toBe("Bearer xoxb-T3-1");

      await post(teamEvent("T2", "EvUninstall", { type: "app_uninstalled" }));
      await loggedLine("slack: uninstalled; installation removed");
      expect(await installations.find("slack", "T:T2")).toBeNull();
      expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ workspaces: 1 });
      await post(mention("T2", 2));
      await post(mention("T3", 2));
      await app.stop(); // waits for every delivery taken to be answered (or dropped)
      const posts = fake.calls.all.filter((c) => c.name === "chat.postMessage");
      expect(posts.map((p) => [p.body["channel"], p.body["thread_ts"]])).toEqual([
        ["CT2", "1.1"],
        ["CT3", "1.1"],
        ["CT3", "2.1"],
      ]);
    });

    it("a bot token revoked in a workspace removes that installation", async () => {
      await install("T2");
      await post(
        teamEvent("T2", "EvRevoked", { type: "tokens_revoked", tokens: { bot: ["UBOT"] } }),
      );
      expect(await installations.find("slack", "T:T2")).toBeNull();
    });

    it("a redirect whose state was not issued by this app is refused and installs nothing", async () => {
      const forged = await install("T2", (state) => `${state.slice(0, -4)}AAAA`);
      expect(forged.status).not.toBe(200);
      expect(await installations.find("slack", "T:T2")).toBeNull();
      expect(fake.calls.all.some((c) => c.name === "oauth.v2.access")).toBe(false);
    });

    it("an expiring token is rotated with its refresh token and the new one is kept for every replica", async () => {
      fake.rotating.add("T4");
      expect((await install("T4")).status).toBe(200);
      await post(mention("T4", 1));
      expect((await postIn("CT4")).authorization).toBe("Bearer xoxb-T4-2");
      expect(await installations.find("slack", "T:T4")).toMatchObject({
        bot: { token: "xoxb-T4-2", refreshToken: "xoxe-1-T4-2" },
      });
    });
  },
);
