// citebot's Discord bot started on the loopback fake, and the two-company corpus the
// conversation tests share (real discord.js, the real core).
import { createCitebotFromTexts, createMemoryLogger, type Responder } from "../../src/tools.ts";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";
import { startDiscord, type DiscordBot } from "../../adapters/discord/bot.ts";
import type { FakeDiscord } from "./fake-discord.ts";

export const TOKEN = "MTIz.fake.token-for-tests";
/** Send Messages and Create Public Threads: citebot opens a thread on a question. */
export const CAN_OPEN_THREADS = 2048n | (1n << 35n);

/**
 * Two companies that share every generic word, three facts each: alone, "when did it start
 * trading?" quotes both; after a turn on one company, a follow-up is about that one.
 */
export function twoCompanies() {
  return createCitebotFromTexts([
    {
      doc: "acme.md",
      text: "# Acme\n\nAcme Rockets was founded by Ada Stone in Leeds. The company started trading in 1921. Its first product was a steam kettle.\n",
    },
    {
      doc: "zenith.md",
      text: "# Zenith\n\nZenith Mills was founded by Tom Reed in York. The business started trading in 1950. Its first product was a flour sifter.\n",
    },
  ]);
}

/**
 * Starts the bot on `fake` with Message Content on and no rate limit, as a fresh process: it
 * holds no conversation of an earlier one.
 */
export function startOnFake(
  fake: FakeDiscord,
  responder: Responder,
  logger = createMemoryLogger([TOKEN]),
): Promise<DiscordBot> {
  return startDiscord({
    responder,
    config: { token: TOKEN, guildId: fake.guildId, apiUrl: fake.apiUrl, messageContent: true },
    seedsBaseUrl: null,
    logger,
    rateLimiter: createRateLimiter({ limit: 0 }),
  });
}
