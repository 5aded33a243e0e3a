import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import {
  type Answer,
  type AskOptions,
  type Responder,
  createCitebotFromTexts,
} from "../../src/tools.ts";

/** One request the fake received: a Web API call or a response_url reply. */
export interface Received {
  /** Web API method (`chat.postMessage`) or response_url id. */
  name: string;
  body: Record<string, unknown>;
  /** The Authorization header, which carries the token on Web API calls. */
  authorization?: string;
}

/** A message in the fake's channels, as conversations.replies returns it. */
export interface StoredMessage {
  ts: string;
  thread_ts?: string;
  user: string;
  bot_id?: string;
  text: string;
  metadata?: unknown;
}

/** A scripted HTTP answer for the next call of a Web API method. */
export interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A list that tests can await: `next(pred)` resolves with the first unclaimed match. */
export class Inbox<T> {
  readonly all: T[] = [];
  private claimed = new Set<T>();
  private waiters: { pred: (t: T) => boolean; resolve: (t: T) => void }[] = [];

  push(item: T): void {
    this.all.push(item);
    const i = this.waiters.findIndex((w) => w.pred(item));
    if (i < 0) return;
    const [waiter] = this.waiters.splice(i, 1);
    this.claimed.add(item);
    waiter?.resolve(item);
  }

  next(pred: (t: T) => boolean = () => true): Promise<T> {
    const found = this.all.find((t) => !this.claimed.has(t) && pred(t));
    if (found !== undefined) {
      this.claimed.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }
}

/** Signs a request body the way Slack does (v0 HMAC-SHA256 over `v0:{ts}:{body}`). */
export function signSlack(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${signature}`,
  };
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", reject);
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if ((req.headers["content-type"] ?? "").includes("json"))
        return resolve(JSON.parse(raw || "{}"));
      const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
      // The Web API client JSON-encodes structured arguments inside the form.
      for (const key of ["blocks", "attachments", "metadata"]) {
        if (typeof form[key] === "string") form[key] = JSON.parse(form[key]);
      }
      resolve(form);
    });
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * oauth.v2.access: the code `code-T2` installs in workspace T2 with bot token `xoxb-T2-1`; in a
 * workspace listed in `rotating` that token expires within the hour and comes with a refresh
 * token, which the `refresh_token` grant trades for `xoxb-T2-2` (valid 12 hours), and so on.
 */
function createFakeOAuth() {
  const rotating = new Set<string>();
  const generation = new Map<string, number>();
  const issue = (team: string) => {
    const n = (generation.get(team) ?? 0) + 1;
    generation.set(team, n);
    const rotated = rotating.has(team);
    return {
      ok: true,
      access_token: `xoxb-${team}-${n}`,
      token_type: "bot",
      scope: "app_mentions:read,chat:write,commands,im:history",
      bot_user_id: "UBOT",
      app_id: "A1",
      team: { id: team, name: `Workspace ${team}` },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: "UINSTALLER" },
      ...(rotated
        ? { refresh_token: `xoxe-1-${team}-${n}`, expires_in: n === 1 ? 600 : 43_200 }
        : {}),
    };
  };
  return {
    rotating,
    exchange(body: Record<string, unknown>) {
      if (body["client_secret"] !== FAKE_CLIENT.secret)
        return { ok: false, error: "bad_client_secret" };
      if (body["grant_type"] === "refresh_token") {
        const team = /^xoxe-1-(T\w+)-(\d+)$/.exec(String(body["refresh_token"]));
        if (!team?.[1] || Number(team[2]) !== generation.get(team[1]))
          return { ok: false, error: "invalid_refresh_token" };
        return issue(team[1]);
      }
      const team = /^code-(T\w+)$/.exec(String(body["code"]))?.[1];
      return team ? issue(team) : { ok: false, error: "invalid_code" };
    },
  };
}

/** The app credentials the fake's oauth.v2.access accepts. */
export const FAKE_CLIENT = { id: "1111.2222", secret: "fake-client-secret-0123456789" };

/** The bot identity the fake's auth.test reports. */
export const FAKE_BOT = { user_id: "UBOT", bot_id: "BBOT", team_id: "T1" };

/**
 * A loopback Slack: the Web API at `apiUrl`, response_url receivers at `responseUrl(id)`, and
 * a Socket Mode websocket handed out by `apps.connections.open`.
 */
export async function startFakeSlack() {
  const calls = new Inbox<Received>();
  const responses = new Inbox<Received>();
  const acks = new Inbox<{ envelope_id: string; payload?: unknown }>();
  const scripts = new Map<string, Scripted[]>();
  const sockets = new Set<WebSocket>();
  const holds = new Map<string, Promise<void>>();
  let ts = 1_700_000_000;
  const oauth = createFakeOAuth();
  const roles = new Map<string, "admin" | "owner">();
  const messages = new Map<string, StoredMessage[]>();
  const store = (channel: string, message: StoredMessage) =>
    messages.set(channel, [...(messages.get(channel) ?? []), message]);
  /** conversations.replies: the parent and its replies, oldest first; metadata when asked. */
  const replies = (body: Record<string, unknown>) => {
    const parent = String(body["ts"]);
    const withMeta = String(body["include_all_metadata"]) === "true";
    const found = (messages.get(String(body["channel"])) ?? [])
      .filter((m) => m.ts === parent || m.thread_ts === parent)
      .sort((a, b) => Number(a.ts) - Number(b.ts))
      .map(({ metadata, ...m }) => (withMeta && metadata ? { ...m, metadata } : m));
    return { ok: true, messages: found, has_more: false };
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = await readBody(req);
      const api = url.pathname.match(/^\/api\/(.+)$/);
      if (api?.[1]) {
        const name = api[1];
        calls.push({ name, body, authorization: req.headers.authorization ?? "" });
        const scripted = scripts.get(name)?.shift();
        if (scripted) return send(res, scripted.status, scripted.body ?? {}, scripted.headers);
        if (name === "auth.test") {
          // A token from an OAuth install (xoxb-T2-1) belongs to its workspace.
          const team = /^Bearer xoxb-(T\w+)-\d+$/.exec(req.headers.authorization ?? "")?.[1];
          return send(res, 200, { ok: true, ...FAKE_BOT, ...(team ? { team_id: team } : {}) });
        }
        if (name === "oauth.v2.access") return send(res, 200, oauth.exchange(body));
        if (name === "users.info") {
          const id = String(body["user"] ?? "");
          const role = roles.get(id);
          return send(res, 200, {
            ok: true,
            user: {
              id,
              team_id: FAKE_BOT.team_id,
              is_admin: role === "admin",
              is_owner: role === "owner",
            },
          });
        }
        if (name === "apps.connections.open") {
          return send(res, 200, { ok: true, url: `ws://127.0.0.1:${port}/socket` });
        }
        if (name === "conversations.replies") return send(res, 200, replies(body));
        const posted = `${ts++}.000100`;
        if (name === "chat.postMessage") {
          const { thread_ts: thread, metadata } = body;
          store(String(body["channel"]), {
            ts: posted,
            user: FAKE_BOT.user_id,
            bot_id: FAKE_BOT.bot_id,
            text: String(body["text"] ?? ""),
            ...(typeof thread === "string" ? { thread_ts: thread } : {}),
            ...(metadata ? { metadata } : {}),
          });
        }
        return send(res, 200, { ok: true, channel: body["channel"], ts: posted });
      }
      const respond = url.pathname.match(/^\/respond\/(.+)$/);
      if (respond?.[1]) {
        responses.push({ name: respond[1], body });
        await holds.get(respond[1]);
        return send(res, 200, { ok: true });
      }
      send(res, 404, { ok: false, error: "unknown_path" });
    })();
  });
  const wss = new WebSocketServer({ server, path: "/socket" });
  wss.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("message", (data) => {
      const parsed = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
      acks.push(parsed);
    });
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: {} }));
  });
  const connected = new Inbox<WebSocket>();
  wss.on("connection", (s) => connected.push(s));

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  let envelopes = 0;

  return {
    port,
    apiUrl: `${base}/api/`,
    /** A response_url that records replies under `id`. */
    responseUrl: (id: string) => `${base}/respond/${id}`,
    calls,
    responses,
    acks,
    /** Workspaces whose installs get expiring tokens with a refresh token (token rotation). */
    rotating: oauth.rotating,
    /** Resolves once a Socket Mode client has connected (and been sent hello). */
    connected: () => connected.next(),
    /** How many Socket Mode clients are connected now. */
    socketCount: () => sockets.size,
    /** Keeps replies to response_url `id` waiting until the returned function is called. */
    hold(id: string): () => void {
      let release = () => {};
      holds.set(id, new Promise<void>((resolve) => (release = resolve)));
      return release;
    },
    /**
     * A person writes in `channel` (in `thread_ts`'s thread when given): the message is kept for
     * conversations.replies and returned with its ts, for the test to send as an event.
     */
    say(channel: string, message: { user: string; text: string; thread_ts?: string }) {
      const stored: StoredMessage = { ...message, ts: `${ts++}.000100` };
      store(channel, stored);
      return stored;
    },
    /** The messages of `channel`, oldest first. */
    messages: (channel: string) => messages.get(channel) ?? [],
    /** Makes users.info report `user` as a workspace admin or owner (others are members). */
    setRole(user: string, role: "admin" | "owner") {
      roles.set(user, role);
    },
    /** Makes the next calls of `method` answer with these responses, in order. */
    script(method: string, answers: Scripted[]) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...answers]);
    },
    /** Sends a Socket Mode envelope to every connected client; returns its id. */
    envelope(type: "events_api" | "slash_commands" | "interactive", payload: unknown): string {
      const envelope_id = `env-${++envelopes}`;
      const message = JSON.stringify({
        envelope_id,
        type,
        payload,
        accepts_response_payload: true,
      });
      for (const s of sockets) s.send(message);
      return envelope_id;
    },
    /** Cuts every Socket Mode connection, as a network failure would. */
    dropSockets() {
      for (const s of sockets) s.terminate();
    },
    async close() {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A running fake Slack. */
export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

/** The small corpus the end-to-end tests ask; its quoted sentence tries to ping everyone. */
export const TEST_SEEDS = [
  {
    doc: "policy.md",
    text: "# Refund policy\n\nRefunds are paid within 14 days <!channel> & <@U999> get no ping.\n\n## Shipping\n\nParcels ship from Rotterdam every weekday.\n",
  },
];

/**
 * The real core over {@link TEST_SEEDS}, recording each question; a question containing
 * "boom" throws, standing in for a bug while answering.
 */
export function testResponder(): Responder & { asked: string[] } {
  const bot = createCitebotFromTexts(TEST_SEEDS);
  const asked: string[] = [];
  return {
    asked,
    documents: () => bot.documents(),
    ask(question: string, options?: AskOptions): Answer {
      asked.push(question);
      if (question.includes("boom")) throw new Error("index exploded");
      return bot.ask(question, options);
    },
    more: (thread) => bot.more(thread),
  };
}
