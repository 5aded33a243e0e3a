import type { BlockButtonAction, RespondArguments, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AllMiddlewareArgs } from "@slack/bolt";
import { render, renderNotice, type SlackMessage } from "./render.ts";
import { FAILURE_TEXT, slowDown, type HandlerDeps } from "./notices.ts";

type ShareArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * "Post to channel": re-answers the question carried by the button and posts it for everyone,
 * within the user's rate limit. Without a response_url there is nowhere to post: the user gets
 * an ephemeral note when the channel is known, and the log says why either way.
 */
export async function share(deps: HandlerDeps, args: ShareArgs): Promise<void> {
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
    const answer = deps.responder.ask(action.value ?? "");
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
