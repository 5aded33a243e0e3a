import type { App, BlockButtonAction, RespondArguments } from "@slack/bolt";
import { FAILURE_TEXT, slowDown, type HandlerDeps } from "./notices.ts";
import { withFeedback } from "./feedback.ts";
import { render, renderNotice, SHARE_ACTION, type SlackMessage } from "./render.ts";
import { share } from "./share.ts";
import { commandQuestion, toQuestion, type SlackEventLike } from "./to-question.ts";
import { askAndLog } from "../shared/asking.ts";

/** Where a question was asked, for the log and the channel's collection. */
interface Origin {
  team: string | null;
  channel: string | null;
  direct: boolean;
}

interface EventArgs {
  event: SlackEventLike;
  body: { team_id?: string };
  client: App["client"];
  context: { botUserId?: string };
}

/**
 * Answers `question` for `userId` (rate-limited) and hands the message to `send`. Any failure
 * is logged with `context` and turned into {@link FAILURE_TEXT}; it never escapes.
 */
async function answerWith(
  deps: HandlerDeps,
  context: Record<string, unknown>,
  question: string,
  userId: string,
  shareButton: boolean,
  send: (message: SlackMessage) => Promise<unknown>,
  origin: Origin = { team: null, channel: null, direct: false },
): Promise<void> {
  try {
    const decision = deps.rateLimiter.take(userId);
    if (!decision.allowed) {
      await send(slowDown(decision.retryAfterMs));
      return;
    }
    const place = { platform: "slack", server: origin.team, channel: origin.channel };
    const asker = { place, user: userId, direct: origin.direct };
    const { answer, id } = askAndLog(deps.asking, deps.responder, asker, question);
    await send(
      withFeedback(render(answer, { seedsBaseUrl: deps.seedsBaseUrl, shareButton }), answer, id),
    );
  } catch (error) {
    deps.logger.error("slack: answering failed", { ...context, error });
    try {
      await send(renderNotice(FAILURE_TEXT));
    } catch (second) {
      deps.logger.error("slack: could not tell the user about the failure", {
        ...context,
        error: second,
      });
    }
  }
}

/** Registers `/ask`, mentions, DMs and the "Post to channel" button on `app`. */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  app.command("/ask", async ({ command, ack, respond }) => {
    await ack();
    const asked = commandQuestion(command);
    const context = { kind: "command", user: asked.userId, channel: command.channel_id };
    const send = (message: SlackMessage) =>
      respond({ ...message, response_type: "ephemeral" } as RespondArguments);
    if ("problem" in asked) {
      deps.logger.warn("slack: could not read an /ask", context);
      await deps.track(
        send(renderNotice(asked.problem)).catch((error: unknown) => {
          deps.logger.error("slack: could not tell the user", { ...context, error });
        }),
      );
      return;
    }
    await deps.track(
      answerWith(deps, context, asked.question, asked.userId, true, send, {
        team: command.team_id ?? null,
        channel: command.channel_id,
        direct: command.channel_id.startsWith("D"),
      }),
    );
  });

  // Bolt's context carries the bot's own user id (from auth.test at start-up).
  const onEvent = async ({ event, client, context, body }: EventArgs) => {
    const asked = toQuestion(event, context.botUserId);
    if (!asked) return;
    const where = { kind: event.type, user: asked.userId, channel: asked.channel };
    await deps.track(
      answerWith(
        deps,
        where,
        asked.question,
        asked.userId,
        false,
        (message) =>
          client.chat.postMessage({
            ...message,
            channel: asked.channel,
            ...(asked.threadTs === undefined ? {} : { thread_ts: asked.threadTs }),
          }),
        {
          team: body.team_id ?? null,
          channel: asked.channel,
          direct: event.channel_type === "im" || asked.channel.startsWith("D"),
        },
      ),
    );
  };
  app.event("app_mention", onEvent);
  app.event("message", onEvent);

  app.action<BlockButtonAction>(SHARE_ACTION, async (args) => {
    await args.ack();
    await deps.track(share(deps, args));
  });
}
