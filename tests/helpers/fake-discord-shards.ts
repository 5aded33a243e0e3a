import type { WebSocket } from "ws";
import { snowflake, type FakeDiscord, type FakeUser } from "./fake-discord.ts";
import { LoopbackGateway } from "./fake-gateway.ts";
import {
  askData,
  gatewayBot,
  guildCreate,
  guildPerShard,
  messageCreate,
  readyPayload,
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
  private readonly held = new Map<number, (() => void)[]>();
  private readonly intervalMs: number;
  private readonly gateway = new LoopbackGateway((socket) => this.connect(socket));

  private constructor(
    private readonly rest: FakeDiscord,
    options: FakeShardsOptions,
  ) {
    this.count = options.shards ?? 4;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.intervalMs = options.identifyIntervalMs ?? 5000;
    this.guilds = guildPerShard(this.count);
  }

  /** Starts the gateway on a free loopback port and has `rest` answer for it. */
  static async start(rest: FakeDiscord, options: FakeShardsOptions = {}) {
    const sharded = new FakeShardedGateway(rest, options);
    await sharded.gateway.listen();
    rest.intercept(({ method, path }) =>
      method === "GET" && path === "/gateway/bot" ? sharded.gatewayBot() : undefined,
    );
    return sharded;
  }

  private gatewayBot() {
    const { count: shards, maxConcurrency, gateway } = this;
    const remaining = 1000 - this.identifies().length;
    return {
      status: 200,
      body: gatewayBot({ url: gateway.url, shards, remaining, maxConcurrency }),
    };
  }

  /** Resolves with the first value `check` returns, re-checking after every gateway event. */
  readonly waitFor: LoopbackGateway["waitFor"] = (check) => this.gateway.waitFor(check);

  /** Identifies seen so far for `shard` (or all shards). */
  identifies(shard?: number) {
    return this.events.filter(
      (e): e is Extract<ShardEvent, { type: "identify" }> =>
        e.type === "identify" && (shard === undefined || e.shard === shard),
    );
  }

  /** Answers `shard`'s IDENTIFYs with READY only once the returned function is called. */
  hold(shard: number): () => void {
    const queue: (() => void)[] = [];
    this.held.set(shard, queue);
    return () => {
      this.held.delete(shard);
      for (const ready of queue.splice(0)) ready();
    };
  }

  /** Open sessions on `shard` (identified and READY). */
  open(shard: number): number {
    return this.sessions.get(shard)?.size ?? 0;
  }

  /** A mention of the bot in the guild on `shard`, or a DM (delivered on shard 0). */
  message(options: { shard?: number; direct?: boolean; content: string; author?: FakeUser }) {
    const guild = this.guilds[options.shard ?? 0];
    if (!guild) throw new Error(`fake-discord-shards: no shard ${options.shard}`);
    const { direct, content, author } = options;
    const id = snowflake();
    const where = direct
      ? { channel_id: snowflake(), channel_type: 1 }
      : { channel_id: guild.channelId, guild_id: guild.id };
    const data = messageCreate({ id, ...where, content, author, bot: this.rest.bot });
    this.dispatch(direct ? 0 : guild.shard, "MESSAGE_CREATE", data);
    return id;
  }

  /** `/ask question:…` in the guild on `shard`; returns the interaction id. */
  ask(shard: number, question: string): string {
    const guild = this.guilds[shard];
    if (!guild) throw new Error(`fake-discord-shards: no shard ${shard}`);
    const id = snowflake();
    const envelope = slashCommand({ id, guild, applicationId: this.rest.applicationId });
    this.dispatch(shard, "INTERACTION_CREATE", { ...envelope, data: askData(question) });
    return id;
  }

  /** Sends a dispatch to every session on `shard`; throws when none is open. */
  dispatch(shard: number, type: string, data: unknown): void {
    const open = [...(this.sessions.get(shard) ?? [])];
    if (open.length === 0) throw new Error(`fake-discord-shards: shard ${shard} is not connected`);
    for (const socket of open) this.gateway.send(socket, type, data);
  }

  /** Stops the gateway, cutting every session. */
  close(): Promise<void> {
    return this.gateway.close();
  }

  private record(event: ShardEvent): void {
    this.events.push(event);
    this.gateway.notify();
  }

  private connect(socket: WebSocket) {
    let shard: number | null = null;
    socket.on("close", (code) => {
      if (shard === null) return;
      this.sessions.get(shard)?.delete(socket);
      this.record({ type: "close", shard, code });
    });
    return (frame: { op: number; d: { shard?: unknown } }) => {
      if (frame.op === 2) shard = this.identify(socket, frame.d.shard);
      // A session is never resumed here: the client identifies again (INVALID_SESSION).
      if (frame.op === 6) this.gateway.invalidSession(socket);
    };
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
      this.gateway.invalidSession(socket);
      return null;
    }
    this.lastIdentify.set(bucket, now);
    this.record({ type: "identify", shard: id, count, at: now });
    const held = this.held.get(id);
    if (held) held.push(() => this.ready(socket, id, count));
    else this.ready(socket, id, count);
    return id;
  }

  private ready(socket: WebSocket, id: number, count: number): void {
    const open = this.sessions.get(id) ?? new Set<WebSocket>();
    this.sessions.set(id, open.add(socket));
    const mine = this.guilds.filter((g) => g.shard === id);
    const { bot, applicationId } = this.rest;
    const ready = readyPayload({ bot, applicationId, guilds: mine, url: this.gateway.url });
    this.gateway.send(socket, "READY", { ...ready, shard: [id, count] });
    for (const guild of mine) this.gateway.send(socket, "GUILD_CREATE", guildCreate(guild));
    this.gateway.notify();
  }
}
