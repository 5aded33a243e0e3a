import type { Logger, Responder } from "../../src/index.ts";
import type { Asking } from "./asking.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** What every front end's handlers need; injected, so tests hand in working fakes. */
export interface FrontEndDeps {
  /** Answers questions and lists the documents (the core, or a fixed one in tests). */
  responder: Responder;
  /** Receives log lines; redacting secrets is the logger's job. */
  logger: Logger;
  /** Per-user limit on questions. */
  rateLimiter: RateLimiter;
  /** Base URL citations link to (SEEDS_BASE_URL); null = unlinked. */
  seedsBaseUrl: string | null;
  /** The question log and per-channel collections; default: all seeds, nothing logged. */
  asking?: Asking;
}
