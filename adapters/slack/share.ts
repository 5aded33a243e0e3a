import type { BlockButtonAction, RespondArguments, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AllMiddlewareArgs } from "@slack/bolt";
import type { Answer, Place } from "../../src/index.ts";
import { readShareValue, type ShareRef } from "./buttons.ts";
import type { ConversationDeps } from "./memory.ts";
import { render, renderNotice, type SlackMessage } from "./render.ts";
import { FAILURE_TEXT, slowDown } from "./notices.ts";

type ShareArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Said when the answer shown can no longer be posted as it was. */
export const GONE_TEXT =
  "I can no longer post that answer as it was shown (the documents changed or citebot restarted). Please ask again and post the new answer.";

/**
 * The answer the button was shown with: the one kept in memory, else the question asked again
 * when that gives the very excerpts shown (another replica, a restart). A button from before
 * answers were kept carries only its question, which is asked again as it always was.
 */
function shownAnswer(deps: ConversationDeps, ref: ShareRef, place: Place): Answer | null {
  const kept = ref.id ? deps.memory.shown.get(ref.id) : undefined;
  if (kept) return kept;
  const { responder } = deps.asking?.pick(place) ?? { responder: deps.responder };
  const again = responder.ask(ref.question);
  if (!ref.id) return again;
  if (again.kind !== "cited" || !ref.shown) return null;
  const places = (a: { doc: string; start: number; end: number }[]) =>
    JSON.stringify(a.map(({ doc, start, end }) => [doc, start, end]));
  return places(again.excerpts) === places(ref.shown) ? again : null;
}

/**
 * "Post to channel": posts for everyone exactly the answer the user was shown privately,
 * within the user's rate limit. Without a response_url there is nowhere to post: the user gets
 * an ephemeral note when the channel is known, and the log says why either way.
 */
export async function share(deps: ConversationDeps, args: ShareArgs): Promise<void> {
  const { action, body, client } = args;
  const context = { kind: "share", user: body.user.id, channel: body.channel?.id };
  const channel = body.channel?.id;
  if (typeof body.response_url !== "string" || body.response_url === "") {
    deps.logger.warn(
      "slack: cannot share an answer: the button click has no response_url",
      context,
    );
    if (channel === undefined) return;
    await client.chat
      .postEphemeral({
        channel,
        user: body.user.id,
        text: "Sorry, I could not post that answer to the channel. Please ask again with /ask.",
      })
      .catch((error: unknown) =>
        deps.logger.error("slack: could not tell the user", { ...context, error }),
      );
    return;
  }
  const reply = (message: SlackMessage | RespondArguments) =>
    args.respond({ ...message, replace_original: false } as RespondArguments);
  try {
    const decision = deps.rateLimiter.take(body.user.id);
    if (!decision.allowed) {
      await reply(slowDown(decision.retryAfterMs));
      return;
    }
    const place = { platform: "slack", server: body.team?.id ?? null, channel: channel ?? null };
    const answer = shownAnswer(deps, readShareValue(action.value), place);
    if (!answer) {
      deps.logger.info("slack: an answer to share is no longer known", context);
      await reply(renderNotice(GONE_TEXT));
      return;
    }
    const message = render(answer, { seedsBaseUrl: deps.seedsBaseUrl, sharedBy: body.user.id });
    await reply({ ...message, response_type: "in_channel" } as RespondArguments);
    await args.respond({ delete_original: true });
  } catch (error) {
    deps.logger.error("slack: sharing failed", { ...context, error });
    await reply(renderNotice(FAILURE_TEXT)).catch((second: unknown) =>
      deps.logger.error("slack: could not report the failure", { ...context, error: second }),
    );
  }
}
