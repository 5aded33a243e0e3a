import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { snowflake, type FakeDiscord, type FakeUser } from "./fake-discord.ts";
import {
  guildCreate,
  guildIdOn,
  messageCreate,
  slashCommand,
  type FakeGuild,
} from "./fake-discord-payloads.ts";

export { guildIdOn, shardOf, type FakeGuild } from "./fake-discord-payloads.ts";

/** Something that happened on the sharded gateway. */
export type ShardEvent =
  | { type: "identify"; shard: number; count: number; at: number }
  /** An IDENTIFY sooner than Discord allows in its bucket (shard % max_concurrency, 1 per 5 s). */
  | { type: "rate-limited"; shard: number; at: number }
  /** An IDENTIFY without `shard` or with the wrong count (Discord closes with 4010/4011). */
  | { type: "refused"; shard: number | null; code: number }
  | { type: "close"; shard: number; code: number };

/** Options for {@link FakeShardedGateway.start}. */
export interface FakeShardsOptions {
  /** The shard count GET /gateway/bot recommends, and the only one IDENTIFY may use. Default 4. */
  shards?: number;
  /** `session_start_limit.max_concurrency`. Default 1. */
  maxConcurrency?: number;
  /** The identify window per bucket; 0 turns the check off. Default 5000, as Discord. */
  identifyIntervalMs?: number;
}

/**
 * A sharded gateway beside a {@link FakeDiscord} (which keeps serving REST and recording
 * requests): GET /gateway/bot recommends `shards` and points here; IDENTIFY must carry
 * `shard: [id, count]`; each shard gets READY and GUILD_CREATE for its own guilds only; guild
 * events go to the sessions of shard (guild_id >> 22) % count and DMs to shard 0. Several
 * sessions on one shard (a rolling restart) each receive every event, as on Discord.
 */
export class FakeShardedGateway {
  readonly count: number;
  readonly maxConcurrency: number;
  /** One guild per shard, `guilds[i].shard === i`. */
  readonly guilds: FakeGuild[];
  readonly events: ShardEvent[] = [];
  private readonly sessions = new Map<number, Set<WebSocket>>();
  private readonly lastIdentify = new Map<number, number>();
  private readonly waiters = new Set<() => void>();
  private readonly intervalMs: number;
  private seq = 0;
  private readonly server = createServer((_req, res) => res.writeHead(404).end());
  private readonly wss = new WebSocketServer({ server: this.server, path: "/gateway" });

  private constructor(
    private readonly rest: FakeDiscord,
    options: FakeShardsOptions,
  ) {
    this.count = options.shards ?? 4;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.intervalMs = options.identifyIntervalMs ?? 5000;
    this.guilds = Array.from({ length: this.count }, (_, shard) => ({
      id: guildIdOn(shard, this.count),
      channelId: snowflake(),
      shard,
    }));
  }

  /** Starts the gateway on a free loopback port and has `rest` answer for it. */
  static async start(rest: FakeDiscord, options: FakeShardsOptions = {}) {
    const gateway = new FakeShardedGateway(rest, options);
    gateway.wss.on("connection", (socket) => gateway.connect(socket));
    await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
    rest.intercept(({ method, path }) => {
      if (method === "GET" && path === "/gateway/bot") return gateway.gatewayBot();
      if (method === "GET" && path === "/applications/@me") {
        return { status: 200, body: { id: rest.applicationId, name: "citebot", flags: 0 } };
      }
      return undefined;
    });
    return gateway;
  }

  private gatewayBot() {
    const port = (this.server.address() as AddressInfo).port;
    const used = this.events.filter((e) => e.type === "identify").length;
    return {
      status: 200,
      body: {
        url: `ws://127.0.0.1:${port}/gateway`,
        shards: this.count,
        session_start_limit: {
          total: 1000,
          remaining: 1000 - used,
          reset_after: 86_400_000,
          max_concurrency: this.maxConcurrency,
        },
      },
    };
  }

  /** Resolves with the first value `check` returns, re-checking after every gateway event. */
  waitFor<T>(check: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const test = () => {
        const value = check();
        if (value === undefined) return;
        this.waiters.delete(test);
        resolve(value);
      };
      this.waiters.add(test);
      test();
    });
  }

  /** Identifies seen so far for `shard` (or all shards). */
  identifies(shard?: number) {
    return this.events.filter(
      (e): e is Extract<ShardEvent, { type: "identify" }> =>
        e.type === "identify" && (shard === undefined || e.shard === shard),
    );
  }

  /** Open sessions on `shard`. */
  open(shard: number): number {
    return this.sessions.get(shard)?.size ?? 0;
  }

  /** A mention of the bot in the guild on `shard`, or a DM (delivered on shard 0). */
  message(options: { shard?: number; direct?: boolean; content: string; author?: FakeUser }) {
    const guild = this.guilds[options.shard ?? 0];
    if (!guild) throw new Error(`fake-discord-shards: no shard ${options.shard}`);
    const id = snowflake();
    const where = options.direct
      ? { channel_id: snowflake(), channel_type: 1 }
      : { channel_id: guild.channelId, guild_id: guild.id };
    this.dispatch(
      options.direct ? 0 : guild.shard,
      "MESSAGE_CREATE",
      messageCreate({
        id,
        ...where,
        content: options.content,
        bot: this.rest.bot,
        author: options.author,
      }),
    );
    return id;
  }

  /** `/ask question:…` in the guild on `shard`; returns the interaction id. */
  ask(shard: number, question: string): string {
    const guild = this.guilds[shard];
    if (!guild) throw new Error(`fake-discord-shards: no shard ${shard}`);
    const id = snowflake();
    this.dispatch(shard, "INTERACTION_CREATE", {
      ...slashCommand({ id, guild, applicationId: this.rest.applicationId }),
      data: {
        id: snowflake(),
        name: "ask",
        type: 1,
        options: [{ name: "question", type: 3, value: question }],
      },
    });
    return id;
  }

  /** Sends a dispatch to every session on `shard`; throws when none is open. */
  dispatch(shard: number, type: string, data: unknown): void {
    const open = [...(this.sessions.get(shard) ?? [])];
    if (open.length === 0) throw new Error(`fake-discord-shards: shard ${shard} is not connected`);
    for (const socket of open) this.send(socket, type, data);
  }

  /** Stops the gateway, cutting every session. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(socket: WebSocket, type: string, data: unknown): void {
    socket.send(JSON.stringify({ op: 0, t: type, s: ++this.seq, d: data }));
  }

  private record(event: ShardEvent): void {
    this.events.push(event);
    for (const waiter of [...this.waiters]) waiter();
  }

  private connect(socket: WebSocket): void {
    let shard: number | null = null;
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- gateway JSON
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) shard = this.identify(socket, frame.d.shard);
      // A session is never resumed here: the client identifies again (INVALID_SESSION).
      if (frame.op === 6) socket.send(JSON.stringify({ op: 9, d: false }));
    });
    socket.on("close", (code) => {
      if (shard === null) return;
      this.sessions.get(shard)?.delete(socket);
      this.record({ type: "close", shard, code });
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
  }

  private identify(socket: WebSocket, pair: unknown): number | null {
    const [id, count] = Array.isArray(pair) ? (pair as number[]) : [];
    if (id === undefined || count !== this.count || id < 0 || id >= count) {
      const code = pair === undefined ? 4011 : 4010; // sharding required / invalid shard
      this.record({ type: "refused", shard: id ?? null, code });
      socket.close(code, code === 4011 ? "Sharding required." : "Invalid shard.");
      return null;
    }
    const now = Date.now();
    const bucket = id % this.maxConcurrency;
    const last = this.lastIdentify.get(bucket);
    if (this.intervalMs > 0 && last !== undefined && now - last < this.intervalMs) {
      this.record({ type: "rate-limited", shard: id, at: now });
      socket.send(JSON.stringify({ op: 9, d: false }));
      return null;
    }
    this.lastIdentify.set(bucket, now);
    const open = this.sessions.get(id) ?? new Set<WebSocket>();
    this.sessions.set(id, open.add(socket));
    const mine = this.guilds.filter((g) => g.shard === id);
    this.send(socket, "READY", {
      v: 10,
      user: { ...this.rest.bot, discriminator: "0" },
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/gateway`,
      shard: [id, count],
      application: { id: this.rest.applicationId, flags: 0 },
    });
    for (const guild of mine) this.send(socket, "GUILD_CREATE", guildCreate(guild));
    this.record({ type: "identify", shard: id, count, at: now });
    return id;
  }
}
