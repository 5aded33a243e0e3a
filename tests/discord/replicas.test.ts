import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  createCitebotFromTexts,
  createMemoryLogger,
  openEventClaims,
  parseStoreConfig,
  type EventClaims,
  type Responder,
} from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import { BACKENDS, type TestBackend } from "../helpers/databases.ts";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { FakeShardedGateway } from "../helpers/fake-discord-shards.ts";

const TOKEN = "MTIz.fake.token-for-tests";
const SEEDS = [
  { doc: "faq.md", text: "# FAQ\n\nThe rate limit is five questions a minute per user.\n" },
];

/** The real core, counting the questions it was asked. */
function countingResponder(): Responder & { asked: string[] } {
  const core = createCitebotFromTexts(SEEDS);
  const asked: string[] = [];
  return {
    asked,
    ask: (q, options) => (asked.push(q), core.ask(q, options)),
    more: (thread) => core.more(thread),
    documents: () => core.documents(),
  };
}

describe.each(BACKENDS)(
  "two Discord processes on the same 4 shards sharing $name (a rolling restart)",
  ({ create }) => {
    let backend: TestBackend;
    let fake: FakeDiscord;
    let gateway: FakeShardedGateway;
    let replicas: {
      bot: DiscordBot;
      claims: EventClaims;
      responder: ReturnType<typeof countingResponder>;
    }[];
    const logger = createMemoryLogger([TOKEN]);

    beforeEach(async () => {
      backend = await create();
      fake = await FakeDiscord.start();
      // Not testing identify pacing here: both processes identify all four shards at once.
      gateway = await FakeShardedGateway.start(fake, { maxConcurrency: 4, identifyIntervalMs: 0 });
      replicas = [];
      for (let i = 0; i < 2; i++) {
        // Each opens its own connection, as separate processes would.
        const claims = openEventClaims(parseStoreConfig(backend.env), {
          logger,
          open: backend.open,
        });
        const responder = countingResponder();
        const bot = await startDiscord({
          responder,
          claims,
          config: { token: TOKEN, guildId: null, apiUrl: fake.apiUrl },
          clientOptions: { shards: [0, 1, 2, 3], shardCount: 4 },
          logger,
          rateLimiter: createRateLimiter({ limit: 100 }),
          seedsBaseUrl: null,
        });
        replicas.push({ bot, claims, responder });
      }
      await gateway.waitFor(() =>
        [0, 1, 2, 3].every((s) => gateway.open(s) === 2) ? true : undefined,
      );
    });

    afterEach(async () => {
      for (const r of replicas) {
        await r.bot.stop();
        await r.claims.close();
      }
      await gateway.close();
      await fake.close();
      await backend.dispose();
    });

    const isReplyTo = (id: string) => (r: RecordedRequest) =>
      r.method === "POST" && r.body?.message_reference?.message_id === id;
    const ask = (shard: number, direct = false) =>
      gateway.message({ shard, direct, content: `<@${fake.bot.id}> what is the rate limit?` });

    test("a message on every shard, a DM and a slash command reach both and are answered once; the survivor answers alone", async () => {
      const asked = [ask(0), ask(1), ask(2), ask(3), ask(0, true)];
      for (const id of asked) await fake.waitForRequest(isReplyTo(id));
      // A slash command on shard 3 reaches both too; one of them answers it.
      const command = gateway.ask(3, "what is the rate limit?");
      const isCallback = (r: RecordedRequest) => r.path.startsWith(`/interactions/${command}/`);
      await fake.waitForRequest(isCallback);
      // The old process stops (its answers in flight finish); the new one answers from then on.
      const [old, next] = replicas;
      await old?.bot.stop();
      const after = ask(2);
      await fake.waitForRequest(isReplyTo(after));
      await next?.bot.stop(); // waits for everything either took to be answered
      for (const id of [...asked, after])
        expect(fake.requests.filter(isReplyTo(id))).toHaveLength(1);
      expect(fake.requests.filter(isCallback)).toHaveLength(1);
      // The loser of each claim never even asked the core.
      expect(replicas.reduce((n, r) => n + r.responder.asked.length, 0)).toBe(asked.length + 2);
      expect(logger.lines.some((l) => l.includes("ignored an event another process claimed"))).toBe(
        true,
      );
    });
  },
);
