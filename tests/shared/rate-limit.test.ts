import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../adapters/shared/rate-limit.ts";

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe("createRateLimiter", () => {
  it("allows `limit` questions per window, then says how long to wait", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: clock.now });
    expect(limiter.take("ana")).toEqual({ allowed: true });
    clock.advance(300);
    expect(limiter.take("ana")).toEqual({ allowed: true });
    clock.advance(200);
    expect(limiter.take("ana")).toEqual({ allowed: false, retryAfterMs: 500 });
  });

  it("counts each user separately", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    expect(limiter.take("ana").allowed).toBe(true);
    expect(limiter.take("ana").allowed).toBe(false);
    expect(limiter.take("bo").allowed).toBe(true);
  });

  it("slides: a question leaves the window exactly windowMs after it was asked", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: clock.now });
    limiter.take("ana"); // t = 0
    clock.advance(600);
    limiter.take("ana"); // t = 600
    clock.advance(399); // t = 999
    expect(limiter.take("ana")).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.advance(1); // t = 1000: the first question has left the window
    expect(limiter.take("ana")).toEqual({ allowed: true });
    expect(limiter.take("ana")).toEqual({ allowed: false, retryAfterMs: 600 });
  });

  it("does not count refused questions against the user", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    limiter.take("ana");
    for (let i = 0; i < 5; i++) {
      clock.advance(100);
      expect(limiter.take("ana").allowed).toBe(false);
    }
    clock.advance(500); // t = 1000 since the only accepted question
    expect(limiter.take("ana").allowed).toBe(true);
  });

  it("forgets idle users and still limits active ones after a sweep", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    for (let i = 0; i < 100; i++) limiter.take(`user-${i}`);
    clock.advance(5000);
    expect(limiter.take("user-1").allowed).toBe(true);
    expect(limiter.take("user-1").allowed).toBe(false);
  });

  it("never limits when the limit is 0", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 0, now: clock.now });
    for (let i = 0; i < 1000; i++) expect(limiter.take("ana").allowed).toBe(true);
  });

  it("defaults to a one-minute window", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, now: clock.now });
    limiter.take("ana");
    clock.advance(59_999);
    expect(limiter.take("ana")).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.advance(1);
    expect(limiter.take("ana").allowed).toBe(true);
  });
});
