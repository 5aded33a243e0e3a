import type { Logger } from "../logger.ts";
import type { StoreConfig } from "./config.ts";
import {
  CLAIM_TIMES,
  createDatabaseClaims,
  createMemoryClaims,
  type ClaimTimes,
  type EventClaims,
} from "./claims.ts";
import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import { openDatabase } from "./open-store.ts";

/** Options for {@link openEventClaims}. */
export interface OpenClaimsOptions {
  logger: Logger;
  times?: ClaimTimes;
  /** Opens the shared database; default: the one DATABASE_URL names. */
  open?: () => Database;
}

/**
 * The event claims for this deployment: in the shared PostgreSQL database when DATABASE_URL is
 * set (replicas answer each event once between them), else in this process's memory (one
 * replica; retries are still answered once). A database that fails is not a reason to stay
 * silent: the event is claimed in memory instead and one warning is logged until it is back.
 */
export function openEventClaims(config: StoreConfig, options: OpenClaimsOptions): EventClaims {
  const times = options.times ?? CLAIM_TIMES;
  const memory = createMemoryClaims(times);
  if (config.databaseUrl === null && !options.open) return memory;
  const { logger } = options;
  let db: Database | null = null;
  let ready: Promise<EventClaims> | null = null;
  let down = false;
  const shared = () => {
    ready ??= (async () => {
      db ??= (options.open ?? (() => openDatabase(config)))();
      await migrate(db);
      return createDatabaseClaims(db, { times });
    })();
    ready.catch(() => (ready = null));
    return ready;
  };
  const fallback = (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn(
      "claims: cannot reach the shared database; events are claimed in this process only, so another replica may answer them too",
      {
        where: db?.where ?? "(not opened)",
        reason: err instanceof Error ? err.message : String(err),
      },
    );
  };
  return {
    async claim(id) {
      try {
        const won = await (await shared()).claim(id);
        if (down) {
          down = false;
          logger.info("claims: the shared database is back");
        }
        // Remembered here too, so a retry during a later outage is still answered once.
        if (won) await memory.claim(id);
        return won;
      } catch (err) {
        fallback(err);
        return memory.claim(id);
      }
    },
    async done(id) {
      await memory.done(id);
      try {
        await (await shared()).done(id);
      } catch (err) {
        fallback(err);
      }
    },
    async close() {
      await memory.close();
      await (await ready?.catch(() => null))?.close();
      await db?.close().catch(() => undefined);
      db = null;
      ready = null;
    },
  };
}
