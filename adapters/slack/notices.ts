import type { FrontEndDeps } from "../shared/deps.ts";
import { renderNotice, type SlackMessage } from "./render.ts";

/** What the listeners need; everything is injected so tests can use loopback fakes. */
export interface HandlerDeps extends FrontEndDeps {
  /** Registers work in flight so stop() can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

/** The one line a user sees when answering failed; details go to the log. */
export const FAILURE_TEXT =
  "Sorry, something went wrong while answering. Please try again in a moment.";

/** The notice a user gets for asking faster than the rate limit allows. */
export function slowDown(retryAfterMs: number): SlackMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return renderNotice(`You're asking faster than I can keep up. Please try again in ${seconds} s.`);
}
