import { snowflake, type FakeUser } from "./fake-discord.ts";

/** A guild the fake puts on a shard, with one text channel. */
export interface FakeGuild {
  id: string;
  channelId: string;
  shard: number;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0;

/** A guild id that Discord's routing, (guild_id >> 22) % count, puts on `shard`. */
export function guildIdOn(shard: number, count: number): string {
  const n = BigInt(count);
  let time = BigInt(Date.now()) - DISCORD_EPOCH - BigInt(sequence) * n;
  time = time - (time % n) + BigInt(shard);
  return ((time << 22n) + BigInt(sequence++ % 4096)).toString();
}

/** One guild on each of `count` shards: `guilds[i].shard === i`. */
export function guildPerShard(count: number): FakeGuild[] {
  return Array.from({ length: count }, (_, shard) => ({
    id: guildIdOn(shard, count),
    channelId: snowflake(),
    shard,
  }));
}

/** Discord's shard for a guild id. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** GUILD_CREATE for `guild`: one text channel, @everyone may send messages. */
export function guildCreate(guild: FakeGuild) {
  return {
    id: guild.id,
    name: `Guild on shard ${guild.shard}`,
    owner_id: snowflake(),
    unavailable: false,
    member_count: 2,
    roles: [{ id: guild.id, name: "@everyone", permissions: "2048", position: 0 }],
    channels: [{ id: guild.channelId, type: 0, name: "general", position: 0 }],
    members: [],
    emojis: [],
    stickers: [],
    threads: [],
  };
}

/** A MESSAGE_CREATE from a user (default: a new one), mentioning the bot when the text does. */
export function messageCreate(m: {
  id: string;
  channel_id: string;
  guild_id?: string;
  channel_type?: number;
  content: string;
  bot: FakeUser;
  author?: FakeUser | undefined;
}) {
  const { bot, author, ...where } = m;
  const mentions = m.content.includes(`<@${bot.id}>`) ? [bot] : [];
  return {
    ...where,
    author: {
      discriminator: "0",
      bot: false,
      ...(author ?? { id: snowflake(), username: "asker" }),
    },
    mentions: mentions.map((u) => ({ discriminator: "0", ...u })),
    mention_roles: [],
    mention_everyone: false,
    type: 0,
    timestamp: new Date().toISOString(),
    attachments: [],
    embeds: [],
  };
}

/** An INTERACTION_CREATE's envelope for a slash command in `guild` (add `data`). */
export function slashCommand(m: { id: string; guild: FakeGuild; applicationId: string }) {
  const user = { id: snowflake(), username: "asker", discriminator: "0" };
  return {
    id: m.id,
    application_id: m.applicationId,
    type: 2,
    token: `interaction-token-${m.id}`,
    version: 1,
    guild_id: m.guild.id,
    channel_id: m.guild.channelId,
    channel: { id: m.guild.channelId, type: 0 },
    member: { user, roles: [], permissions: "2048", joined_at: new Date().toISOString() },
    app_permissions: "2048",
    locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: {},
  };
}

/** The `data` of `/ask question:…`. */
export function askData(question: string) {
  return {
    id: snowflake(),
    name: "ask",
    type: 1,
    options: [{ name: "question", type: 3, value: question }],
  };
}

/** GET /gateway/bot's answer: where to connect, how many shards, the identify limits. */
export function gatewayBot(m: {
  url: string;
  shards: number;
  remaining: number;
  maxConcurrency: number;
}) {
  return {
    url: m.url,
    shards: m.shards,
    session_start_limit: {
      total: 1000,
      remaining: m.remaining,
      reset_after: 86_400_000,
      max_concurrency: m.maxConcurrency,
    },
  };
}

/** READY for a new session whose guilds arrive next as GUILD_CREATE. */
export function readyPayload(m: {
  bot: FakeUser;
  applicationId: string;
  guilds: readonly { id: string }[];
  url: string;
}) {
  return {
    v: 10,
    user: { ...m.bot, discriminator: "0" },
    guilds: m.guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: `session-${snowflake()}`,
    resume_gateway_url: m.url,
    application: { id: m.applicationId, flags: 0 },
  };
}
