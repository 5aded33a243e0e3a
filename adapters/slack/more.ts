import type { AllMiddlewareArgs, App, BlockButtonAction, RespondArguments } from "@slack/bolt";
import type { SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Thread } from "../../src/index.ts";
import { deliver, ephemeralDelivery, postedDelivery, poster, type Delivery } from "./ask-flow.ts";
import { MORE_ACTION, readMoreValue } from "./buttons.ts";
import type { ConversationDeps } from "./memory.ts";
import { FAILURE_TEXT, slowDown } from "./notices.ts";
import { renderNotice, type SlackMessage } from "./render.ts";
import { readThread } from "./thread-reader.ts";

type MoreArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Said when the conversation a "More" button belongs to is no longer known. */
export const FORGOTTEN_TEXT =
  "I no longer remember that conversation (citebot may have restarted). Please ask again, then press More on the new answer.";

/** The conversation a click continues and how its next excerpts reach the user. */
async function continued(
  deps: ConversationDeps,
  args: MoreArgs,
  reply: (message: SlackMessage) => Promise<unknown>,
): Promise<{ thread: Thread; delivery: Delivery } | null> {
  const { body, client, context } = args;
  const ref = readMoreValue(args.action.value);
  const channel = body.channel?.id;
  if (!ref) return null;
  const post = poster(client);
  if ("thread" in ref) {
    if (!channel) return null;
    const place = { channel, threadTs: ref.thread, answeredOnly: true };
    const thread = await readThread(client, place, context.botUserId, deps.logger);
    return {
      thread,
      delivery: postedDelivery(deps, { channel, threadTs: ref.thread }, post, true),
    };
  }
  if ("dm" in ref) {
    if (!channel) return null;
    const thread = deps.memory.conversations.get(`dm:${channel}`);
    return { thread, delivery: postedDelivery(deps, { channel }, post, true) };
  }
  const kept = deps.memory.conversations.get(ref.key);
  // Another replica, or a restart: the button carries the turn it continues.
  const thread = kept.length > 0 ? kept : ref.turn ? [ref.turn] : [];
  if (kept.length === 0) deps.memory.conversations.set(ref.key, thread);
  return { thread, delivery: ephemeralDelivery(deps, ref.key, reply, true) };
}

/**
 * "More": the next excerpts for the last question of the button's conversation, posted where
 * the answer was (its thread, the DM, or privately), until the core says there are no more.
 * A click counts against the rate limit like a question.
 */
async function more(deps: ConversationDeps, args: MoreArgs): Promise<void> {
  const { body } = args;
  const context = { kind: "more", user: body.user.id, channel: body.channel?.id };
  const private_ = (message: SlackMessage) =>
    args.respond({
      ...message,
      response_type: "ephemeral",
      replace_original: false,
    } as RespondArguments);
  try {
    const decision = deps.rateLimiter.take(body.user.id);
    if (!decision.allowed) {
      await private_(slowDown(decision.retryAfterMs));
      return;
    }
    const found = await continued(deps, args, private_);
    if (!found || found.thread.length === 0) {
      if (!found) deps.logger.warn("slack: a More button without a conversation", context);
      await private_(renderNotice(FORGOTTEN_TEXT));
      return;
    }
    const place = {
      platform: "slack",
      server: body.team?.id ?? null,
      channel: body.channel?.id ?? null,
    };
    const { responder } = deps.asking?.pick(place) ?? { responder: deps.responder };
    await deliver(deps, found.delivery, responder.more(found.thread), null);
  } catch (error) {
    deps.logger.error("slack: More failed", { ...context, error });
    await private_(renderNotice(FAILURE_TEXT)).catch((second: unknown) =>
      deps.logger.error("slack: could not report the failure", { ...context, error: second }),
    );
  }
}

/** Registers the "More" button. */
export function registerMore(app: App, deps: ConversationDeps): void {
  app.action<BlockButtonAction>(MORE_ACTION, async (args) => {
    await args.ack();
    await deps.track(more(deps, args));
  });
}
