import type { IncomingMessage, ServerResponse } from "node:http";
import type { WebSocket } from "ws";
import { FakeHistory, type StoredDiscordMessage } from "./fake-discord-history.ts";
import { LoopbackGateway, type ClientFrame } from "./fake-gateway.ts";

/** A REST call the fake received; `path` is decoded and has no `/api/v10` prefix. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The Authorization header, e.g. `Bot <token>`. */
  authorization: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as sent
}

/** Something that happened on the gateway socket. */
export type GatewayEvent =
  | { type: "connect" }
  | { type: "identify"; token: string; intents: number }
  | { type: "resume"; sessionId: string }
  | { type: "close"; code: number };

/** A reply the fake sends instead of its default; return undefined to use the default. */
export type Interceptor = (
  request: RecordedRequest,
) =>
  | Promise<{ status: number; body?: unknown } | undefined>
  | { status: number; body?: unknown }
  | undefined;

/** Options for {@link FakeDiscord.start}. */
export interface FakeDiscordOptions {
  /** Text channels in the guild. Default 1. */
  channels?: number;
  /** Forum channels in the guild (posts are threads). Default 0. */
  forums?: number;
  /**
   * The bot's permissions in the guild (its role's bitfield). Default "2048" (Send Messages
   * only): Discord then refuses to open a thread (403, Missing Permissions), as the fake does.
   */
  botPermissions?: bigint;
}

/** Create Public Threads, the permission a thread from a message needs. */
const CREATE_PUBLIC_THREADS = 1n << 35n;

/** A user as Discord sends it. */
export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

/** Options for {@link FakeDiscord.message}. */
export interface FakeMessageOptions {
  content: string;
  author?: FakeUser;
  /** Default: the fake's text channel. */
  channelId?: string;
  /** A direct message: no guild, `channel_type: 1`. */
  direct?: boolean;
  /** Users listed in `mentions`; default: the bot when the content contains `<@BOT_ID>`. */
  mentions?: FakeUser[];
  /** The message id; default a new snowflake (a forum post's first message has the post's id). */
  id?: string;
}

/** Options for {@link FakeDiscord.messageCommand} (a message context-menu command). */
export interface FakeMessageCommandOptions {
  name: string;
  /** The message it is used on, as Discord resolves it. */
  target: { content: string; author?: FakeUser; channelId?: string };
  user?: FakeUser;
  createdAt?: number;
}

/** Options for {@link FakeDiscord.interaction}. */
export interface FakeInteractionOptions {
  name: string;
  options?: { name: string; type: number; value?: string | boolean; options?: unknown[] }[];
  user?: FakeUser;
  /** When the interaction was created; default now. Older ones test the 3-second window. */
  createdAt?: number;
  /** The member's permission bitfield in the channel; default "2048" (Send Messages only). */
  permissions?: string;
}

/** Options for {@link FakeDiscord.component} (a button press) and {@link FakeDiscord.modalSubmit}. */
export interface FakeComponentOptions {
  customId: string;
  user?: FakeUser;
  permissions?: string;
  /** For a modal: the text inputs' values by custom id. */
  fields?: Record<string, string>;
  /** Where the button's message is; default the fake's text channel. */
  channelId?: string;
  /** The button's message was ephemeral (only the presser saw it). */
  ephemeral?: boolean;
  /** The message the button is on (one of {@link FakeDiscord.history}); default a blank one. */
  message?: StoredDiscordMessage;
}

let counter = 0;
/** A Discord snowflake for the given time, unique within this process. */
export function snowflake(time = Date.now()): string {
  return ((BigInt(time - 1_420_070_400_000) << 22n) + BigInt(counter++ % 4096)).toString();
}

/** A loopback Discord: the REST routes and the gateway that discord.js 14 uses. */
export class FakeDiscord {
  readonly bot: FakeUser = { id: snowflake(), username: "citebot", bot: true };
  private readonly botRoleId = snowflake();
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly channelIds: string[];
  /** The first text channel, where messages go by default. */
  readonly channelId: string;
  /** Forum channels (type 15): {@link FakeDiscord.forumPost} opens posts in them. */
  readonly forumIds: string[];
  readonly botPermissions: bigint;
  /** Close code to answer IDENTIFY with instead of READY (4004 = authentication failed). */
  rejectIdentify: number | null = null;
  readonly requests: RecordedRequest[] = [];
  readonly gatewayEvents: GatewayEvent[] = [];
  private readonly interceptors: Interceptor[] = [];
  private readonly sessions = new Set<string>();
  private socket: WebSocket | null = null;
  private readonly gateway = new LoopbackGateway(
    (socket) => this.connect(socket),
    (req, res) => void this.handle(req, res),
  );

  private constructor(options: FakeDiscordOptions) {
    this.channelIds = Array.from({ length: options.channels ?? 1 }, () => snowflake());
    this.channelId = this.channelIds[0] ?? "";
    this.forumIds = Array.from({ length: options.forums ?? 0 }, () => snowflake());
    this.botPermissions = options.botPermissions ?? 2048n;
  }

  /** Starts a fake on a free loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.gateway.listen();
    return fake;
  }

  /** The REST base to hand the client (`rest.api`), e.g. http://127.0.0.1:1234/api. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.gateway.port}/api`;
  }

  /** Resolves with the first value `check` returns, re-checking after every request and event. */
  waitFor<T>(check: () => T | undefined): Promise<T> {
    return this.gateway.waitFor(check);
  }

  /** Resolves with the first matching request (past or future) from index `from` on. */
  waitForRequest(match: (r: RecordedRequest) => boolean, from = 0): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.slice(from).find(match));
  }

  /** Resolves when the gateway has seen `count` events of this type. */
  waitForGateway(type: GatewayEvent["type"], count = 1): Promise<GatewayEvent> {
    return this.waitFor(() => this.gatewayEvents.filter((e) => e.type === type)[count - 1]);
  }

  /** Lets a test answer matching requests itself (errors, held responses). */
  intercept(interceptor: Interceptor): void {
    this.interceptors.push(interceptor);
  }

  /** Sends a MESSAGE_CREATE and returns the message id. */
  message(options: FakeMessageOptions): string {
    const author = options.author ?? { id: snowflake(), username: "asker" };
    const mentions =
      options.mentions ?? (options.content.includes(`<@${this.bot.id}>`) ? [this.bot] : []);
    const id = options.id ?? snowflake();
    const message = this.history.keep({
      id,
      channel_id: options.channelId ?? (options.direct ? snowflake() : this.channelId),
      ...(options.direct ? { channel_type: 1 } : { guild_id: this.guildId }),
      author: { discriminator: "0", bot: false, ...author },
      content: options.content,
      mentions: mentions.map((u) => ({ discriminator: "0", ...u })),
      mention_roles: [],
      mention_everyone: false,
      type: 0,
      timestamp: new Date().toISOString(),
      attachments: [],
      embeds: [],
    });
    this.dispatch("MESSAGE_CREATE", message);
    return id;
  }

  /** Sends an INTERACTION_CREATE for a slash command in the guild channel. */
  interaction(options: FakeInteractionOptions): { id: string; token: string } {
    return this.sendInteraction(
      2,
      { id: snowflake(), name: options.name, type: 1, options: options.options ?? [] },
      options,
    );
  }

  /** A press of the button `customId` under one of the bot's messages. */
  component(options: FakeComponentOptions): { id: string; token: string } {
    const channelId = options.channelId ?? this.channelId;
    const message = options.message ?? {
      ...this.sent(channelId, { content: "" }),
      flags: options.ephemeral ? 64 : 0,
    };
    const press = this.sendInteraction(
      3,
      { custom_id: options.customId, component_type: 2 },
      options,
      {
        message,
        ...this.interactionChannel(channelId),
      },
    );
    this.presses.set(press.id, { channelId, messageId: String(message["id"]) });
    return press;
  }

  /** A message context-menu command (type 3) used on a message with the given content. */
  messageCommand(options: FakeMessageCommandOptions): { id: string; token: string } {
    const targetId = snowflake();
    const { target } = options;
    const channelId = target.channelId ?? this.channelId;
    const author = { discriminator: "0", ...(target.author ?? { id: snowflake(), username: "x" }) };
    const message = {
      ...this.sent(channelId, { content: target.content }),
      id: targetId,
      author,
      mention_everyone: target.content.includes("@everyone"),
    };
    const data = {
      id: snowflake(),
      name: options.name,
      type: 3,
      target_id: targetId,
      resolved: { messages: { [targetId]: message } },
    };
    return this.sendInteraction(2, data, options, this.interactionChannel(channelId));
  }

  /** The channel fields of an interaction in `channelId` (a text channel or a thread). */
  private interactionChannel(channelId: string): object {
    const thread = this.threads.get(channelId);
    return {
      channel_id: channelId,
      channel: thread
        ? { id: channelId, type: 11, parent_id: thread.parentId }
        : { id: channelId, type: 0 },
    };
  }

  /** The submission of the modal `customId` with its text inputs' values. */
  modalSubmit(options: FakeComponentOptions): { id: string; token: string } {
    const components = Object.entries(options.fields ?? {}).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    return this.sendInteraction(5, { custom_id: options.customId, components }, options);
  }

  private sendInteraction(
    type: number,
    data: object,
    options: { user?: FakeUser; createdAt?: number; permissions?: string },
    extra: object = {},
  ): { id: string; token: string } {
    const id = snowflake(options.createdAt);
    const token = `interaction-token-${id}`;
    const user = {
      discriminator: "0",
      ...(options.user ?? { id: snowflake(), username: "asker" }),
    };
    const permissions = options.permissions ?? "2048";
    this.dispatch("INTERACTION_CREATE", {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: { id: this.channelId, type: 0 },
      member: { user, roles: [], permissions, joined_at: new Date().toISOString() },
      app_permissions: "2048",
      locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: {},
      ...extra,
    });
    return { id, token };
  }

  /** Someone else opens a thread in a text channel (THREAD_CREATE); returns its id. */
  thread(parentId = this.channelId, name = "a thread"): string {
    const thread = this.threadChannel(parentId, name, snowflake());
    this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return thread.id;
  }

  /**
   * Someone opens a post in a forum channel: THREAD_CREATE, then the post's first message,
   * whose id is the post's (as Discord does). Returns both ids (the same).
   */
  forumPost(options: { content: string; author?: FakeUser; forumId?: string; title?: string }): {
    threadId: string;
    messageId: string;
  } {
    const author = options.author ?? { id: snowflake(), username: "poster" };
    const parent = options.forumId ?? this.forumIds[0] ?? "";
    const thread = this.threadChannel(parent, options.title ?? "a post", author.id);
    this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    const messageId = this.message({
      id: thread.id,
      channelId: thread.id,
      content: options.content,
      author,
    });
    return { threadId: thread.id, messageId };
  }

  /** Every message sent in the fake's channels (people's and citebot's), for REST reads. */
  readonly history = new FakeHistory();
  /** Button presses by interaction id: where the pressed message is. */
  private readonly presses = new Map<string, { channelId: string; messageId: string }>();

  /** Thread channels opened so far (by citebot or anyone), by id. */
  readonly threads = new Map<string, { parentId: string; name: string; ownerId: string }>();

  private threadChannel(parentId: string, name: string, ownerId: string, id = snowflake()) {
    this.threads.set(id, { parentId, name, ownerId });
    return {
      id,
      type: 11,
      guild_id: this.guildId,
      parent_id: parentId,
      owner_id: ownerId,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        create_timestamp: new Date().toISOString(),
      },
    };
  }

  /** Sends any dispatch event on the current socket. */
  dispatch(type: string, data: unknown): void {
    if (!this.socket) throw new Error("fake-discord: no client is connected");
    this.gateway.send(this.socket, type, data);
  }

  /** Closes the gateway socket as Discord does mid-session; the session stays resumable. */
  dropConnection(code = 4000): void {
    this.socket?.close(code, "fake-discord: closed for the test");
  }

  /** Forgets every session, so the next RESUME gets INVALID_SESSION and must re-identify. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  /** Stops the servers, cutting any open socket and any request a test still holds. */
  close(): Promise<void> {
    return this.gateway.close();
  }

  private notify(): void {
    this.gateway.notify();
  }

  private connect(socket: WebSocket) {
    this.gatewayEvents.push({ type: "connect" });
    this.notify();
    socket.on("close", (code) => {
      if (this.socket === socket) this.socket = null;
      this.gatewayEvents.push({ type: "close", code });
      this.notify();
    });
    return (frame: ClientFrame) => this.onFrame(socket, frame);
  }

  private onFrame(socket: WebSocket, frame: ClientFrame): void {
    if (frame.op === 2 && this.rejectIdentify !== null) {
      this.gatewayEvents.push({ type: "identify", token: frame.d.token, intents: frame.d.intents });
      socket.close(this.rejectIdentify, "Authentication failed.");
    } else if (frame.op === 2) {
      const sessionId = `session-${snowflake()}`;
      this.sessions.add(sessionId);
      this.socket = socket;
      this.gatewayEvents.push({ type: "identify", token: frame.d.token, intents: frame.d.intents });
      this.dispatch("READY", {
        v: 10,
        user: { ...this.bot, discriminator: "0" },
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: sessionId,
        resume_gateway_url: this.gateway.url,
        application: { id: this.applicationId, flags: 0 },
      });
      this.dispatch("GUILD_CREATE", {
        id: this.guildId,
        name: "Fake guild",
        owner_id: snowflake(),
        unavailable: false,
        member_count: 2,
        roles: [
          { id: this.guildId, name: "@everyone", permissions: "2048", position: 0 },
          {
            id: this.botRoleId,
            name: "citebot",
            permissions: String(this.botPermissions),
            position: 1,
          },
        ],
        channels: [
          ...this.channelIds.map((id, i) => ({ id, type: 0, name: `channel-${i}`, position: i })),
          ...this.forumIds.map((id, i) => ({
            id,
            type: 15,
            name: `forum-${i}`,
            position: 100 + i,
          })),
        ],
        // The bot's own member, so discord.js can work out its permissions in a channel.
        members: [
          {
            user: { ...this.bot, discriminator: "0" },
            roles: [this.botRoleId],
            joined_at: new Date().toISOString(),
          },
        ],
        emojis: [],
        stickers: [],
        // The active threads, as Discord lists them to a client that (re)connects.
        threads: [...this.threads].map(([id, t]) =>
          this.threadChannel(t.parentId, t.name, t.ownerId, id),
        ),
      });
    } else if (frame.op === 6) {
      if (!this.sessions.has(frame.d.session_id)) {
        this.gateway.invalidSession(socket);
        return;
      }
      this.socket = socket;
      this.gatewayEvents.push({ type: "resume", sessionId: frame.d.session_id });
      this.dispatch("RESUMED", {});
    }
    this.notify();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const text = Buffer.concat(chunks).toString("utf8");
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, "")),
      query: url.searchParams,
      authorization: req.headers.authorization ?? "",
      body: text && req.headers["content-type"]?.includes("json") ? JSON.parse(text) : text,
    };
    this.requests.push(request);
    this.notify();
    let reply: { status: number; body?: unknown } | undefined;
    for (const interceptor of this.interceptors) {
      reply ??= await interceptor(request);
    }
    reply ??= this.route(request);
    // An empty reply must not claim JSON: discord.js would try to parse it.
    if (reply.body === undefined) res.writeHead(reply.status).end();
    else
      res
        .writeHead(reply.status, { "content-type": "application/json" })
        .end(JSON.stringify(reply.body));
  }

  private route({ method, path, query, body }: RecordedRequest): {
    status: number;
    body?: unknown;
  } {
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: this.gateway.url,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === "GET" && path === "/applications/@me") {
      return { status: 200, body: { id: this.applicationId, name: "citebot", flags: 0 } };
    }
    if (method === "POST" && /^\/channels\/\d+\/typing$/.test(path)) return { status: 204 };
    const opened = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (method === "POST" && opened) {
      if ((this.botPermissions & CREATE_PUBLIC_THREADS) === 0n) {
        return { status: 403, body: { message: "Missing Permissions", code: 50013 } };
      }
      const thread = this.threadChannel(opened[1] ?? "", body.name, this.bot.id, opened[2]);
      this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
      return { status: 201, body: thread };
    }
    const post = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === "POST" && post)
      return { status: 200, body: this.history.keep(this.sent(post[1] ?? "", body)) };
    const list = /^\/channels\/(\d+)\/messages$/.exec(path)?.[1];
    if (method === "GET" && list) {
      const limit = Number(query.get("limit") ?? 50);
      return { status: 200, body: this.history.page(list, query.get("before"), limit) };
    }
    const read = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (method === "GET" && read) {
      const found = this.history.get(read[1] ?? "", read[2] ?? "");
      return found
        ? { status: 200, body: found }
        : { status: 404, body: { message: "Unknown Message", code: 10008 } };
    }
    const channel = /^\/channels\/(\d+)$/.exec(path)?.[1] ?? "";
    const thread = this.threads.get(channel);
    if (method === "GET" && thread) {
      return {
        status: 200,
        body: this.threadChannel(thread.parentId, thread.name, thread.ownerId, channel),
      };
    }
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (method === "POST" && callback) {
      this.keepResponse(callback[1] ?? "", body);
      return { status: 204 };
    }
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path)) {
      return { status: 200, body: this.sent(this.channelId, body) };
    }
    if (method === "PUT" && /^\/applications\/\d+\/(guilds\/\d+\/)?commands$/.test(path)) {
      const commands = (body as object[]).map((c) => ({
        id: snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...c,
      }));
      return { status: 200, body: commands };
    }
    return { status: 404, body: { message: `fake-discord: no route ${method} ${path}`, code: 0 } };
  }

  /** A public reply to a button press is a message, pointing at the pressed one. */
  private keepResponse(interactionId: string, body: { type?: number; data?: object }): void {
    const press = this.presses.get(interactionId);
    if (!press || body.type !== 4 || !body.data || ("flags" in body.data && body.data.flags === 64))
      return;
    this.history.keep({
      ...this.sent(press.channelId, body.data),
      interaction_metadata: {
        id: interactionId,
        type: 3,
        user: { id: snowflake(), username: "presser", discriminator: "0" },
        authorizing_integration_owners: {},
        interacted_message_id: press.messageId,
      },
    });
  }

  private sent(
    channelId: string,
    body: {
      content?: string;
      embeds?: unknown[];
      components?: unknown[];
      message_reference?: { message_id?: string };
    },
  ): StoredDiscordMessage {
    const reference = body.message_reference?.message_id;
    return {
      ...(reference ? { message_reference: { message_id: reference, channel_id: channelId } } : {}),
      ...(body.components ? { components: body.components } : {}),
      id: snowflake(),
      channel_id: channelId,
      author: { ...this.bot, discriminator: "0" },
      content: body.content ?? "",
      embeds: body.embeds ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
  }
}
