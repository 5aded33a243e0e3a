/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Questions each user may ask per window; 0 turns the limit off. */
  limit: number;
  /** Window length in milliseconds. Default one minute. */
  windowMs?: number;
  /** Clock, injectable for tests. Default `Date.now`. */
  now?: () => number;
}

/** Result of asking the limiter whether a user may ask now. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** A per-user sliding-window limiter, shared by every chat front end. */
export interface RateLimiter {
  take(userId: string): RateDecision;
}

/** Creates a sliding-window limiter that remembers only the last window of each user. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number[]>();
  let lastSweep = now();
  return {
    take(userId) {
      if (options.limit <= 0) return { allowed: true };
      const t = now();
      if (t - lastSweep > windowMs) {
        // Forget users idle for a whole window so memory stays bounded under churn.
        for (const [id, times] of seen) {
          if ((times.at(-1) ?? 0) <= t - windowMs) seen.delete(id);
        }
        lastSweep = t;
      }
      const times = (seen.get(userId) ?? []).filter((x) => x > t - windowMs);
      if (times.length >= options.limit) {
        seen.set(userId, times);
        return { allowed: false, retryAfterMs: (times[0] ?? t) + windowMs - t };
      }
      times.push(t);
      seen.set(userId, times);
      return { allowed: true };
    },
  };
}
