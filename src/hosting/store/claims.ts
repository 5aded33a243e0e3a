import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Database } from "./database.ts";

/**
 * Who answers an event: replicas (and Slack's retries) may deliver the same event to several
 * processes; only the one whose claim succeeds answers it.
 */
export interface EventClaims {
  /** Resolves true when this process may answer `id`: nobody holds it, or a claim expired. */
  claim(id: string): Promise<boolean>;
  /** Marks `id` answered, so deliveries within `keepMs` are ignored even after the lease. */
  done(id: string): Promise<void>;
  /** Stops the pruning timer and closes what the claims opened. */
  close(): Promise<void>;
}

/** How long claims last. */
export interface ClaimTimes {
  /** A claim not yet answered lapses after this, so a replica that died mid-answer is retried. */
  leaseMs: number;
  /** An answered event is remembered this long (Slack retries within minutes). */
  keepMs: number;
}

/** Defaults: a one-minute lease, answered events kept an hour. */
export const CLAIM_TIMES: ClaimTimes = { leaseMs: 60_000, keepMs: 60 * 60_000 };

/** Most ids the in-memory claims remember; the oldest are forgotten first. */
const REMEMBERED = 10_000;

/** Names this process in the claims it holds (host, pid and a random part). */
export function claimOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** Claims held in this process only: enough for one replica, and the fallback when the store is down. */
export function createMemoryClaims(
  times: ClaimTimes = CLAIM_TIMES,
  now: () => number = Date.now,
): EventClaims {
  const expiry = new Map<string, number>();
  return {
    claim: async (id) => {
      const held = expiry.get(id);
      if (held !== undefined && held > now()) return false;
      expiry.delete(id);
      expiry.set(id, now() + times.leaseMs);
      // Maps iterate in insertion order: the first key is the oldest claim.
      if (expiry.size > REMEMBERED) expiry.delete(expiry.keys().next().value as string);
      return true;
    },
    done: async (id) => {
      if (expiry.has(id)) expiry.set(id, now() + times.keepMs);
    },
    close: async () => expiry.clear(),
  };
}

/** Options for {@link createDatabaseClaims}. */
export interface DatabaseClaimsOptions {
  times?: ClaimTimes;
  owner?: string;
  now?: () => number;
  /** Deletes expired claims this often. Default every 10 minutes; 0 = never. */
  pruneEveryMs?: number;
}

/**
 * Claims in the shared (migrated) database, one row per event id: an insert that either creates
 * the row or takes over an expired one. Both engines resolve racing inserts on the primary key,
 * so exactly one replica sees its row written.
 */
export function createDatabaseClaims(
  db: Database,
  options: DatabaseClaimsOptions = {},
): EventClaims {
  const times = options.times ?? CLAIM_TIMES;
  const owner = options.owner ?? claimOwner();
  const now = options.now ?? Date.now;
  const every = options.pruneEveryMs ?? 10 * 60_000;
  const timer =
    every > 0
      ? setInterval(() => {
          db.run("DELETE FROM event_claims WHERE expires_at < ?", [now()]).catch(() => undefined);
        }, every)
      : null;
  timer?.unref();
  return {
    claim: async (id) => {
      const at = now();
      const changed = await db.run(
        `INSERT INTO event_claims (id, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE event_claims.expires_at <= ?`,
        [id, owner, at + times.leaseMs, at],
      );
      return changed === 1;
    },
    done: async (id) => {
      await db.run("UPDATE event_claims SET expires_at = ? WHERE id = ? AND owner = ?", [
        now() + times.keepMs,
        id,
        owner,
      ]);
    },
    close: async () => {
      if (timer) clearInterval(timer);
    },
  };
}
