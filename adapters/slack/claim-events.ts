import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { EventClaims, Logger } from "../../src/index.ts";

/**
 * The id a delivery is claimed under: an Events API event's `event_id` (the same on every
 * retry), or the `trigger_id` of a slash command or button press; null for anything else.
 */
export function toClaimId(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const { event_id: eventId, trigger_id: triggerId } = body as Record<string, unknown>;
  if (typeof eventId === "string" && eventId) return `slack:event:${eventId}`;
  if (typeof triggerId === "string" && triggerId) return `slack:trigger:${triggerId}`;
  return null;
}

/**
 * A Bolt global middleware that lets each delivery through once across every replica sharing
 * `claims`: a retry (`x-slack-retry-num`), a replay, or the same event reaching a second
 * replica is acknowledged and goes no further, so it is never answered twice.
 */
export function createEventClaimer(
  claims: EventClaims,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    const id = toClaimId(body);
    if (id === null) return next();
    if (!(await claims.claim(id))) {
      logger.info("slack: ignored a delivery already claimed", {
        claim: id,
        retry: context.retryNum ?? 0,
        reason: context.retryReason ?? "none",
      });
      // Commands and actions wait for an ack (events were acked before middleware ran).
      const { ack } = args as { ack?: () => Promise<void> };
      await ack?.();
      return;
    }
    await next();
    await claims.done(id).catch((error: unknown) => {
      logger.warn("slack: could not mark an event answered", { claim: id, error });
    });
  };
}
