import type { App, BlockButtonAction, RespondArguments } from "@slack/bolt";
import type { FrontEndDeps } from "../shared/deps.ts";
import { render, renderNotice, SHARE_ACTION, type SlackMessage } from "./render.ts";
import { commandQuestion, toQuestion, type SlackEventLike } from "./to-question.ts";

/** What the listeners need; everything is injected so tests can use loopback fakes. */
export interface HandlerDeps extends FrontEndDeps {
  /** Registers work in flight so stop() can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

interface EventArgs {
  event: SlackEventLike;
  client: App["client"];
  context: { botUserId?: string };
}

/** The one line a user sees when answering failed; details go to the log. */
export const FAILURE_TEXT =
  "Sorry, something went wrong while answering. Please try again in a moment.";

function slowDown(retryAfterMs: number): SlackMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return renderNotice(`You're asking faster than I can keep up. Please try again in ${seconds} s.`);
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
): Promise<void> {
  try {
    const decision = deps.rateLimiter.take(userId);
    if (!decision.allowed) {
      await send(slowDown(decision.retryAfterMs));
      return;
    }
    const answer = deps.responder.ask(question);
    await send(render(answer, { seedsBaseUrl: deps.seedsBaseUrl, shareButton }));
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
    const { question, userId } = commandQuestion(command);
    const context = { kind: "command", user: userId, channel: command.channel_id };
    await deps.track(
      answerWith(deps, context, question, userId, true, (message) =>
        respond({ ...message, response_type: "ephemeral" } as RespondArguments),
      ),
    );
  });

  // Bolt's context carries the bot's own user id (from auth.test at start-up).
  const onEvent = async ({ event, client, context }: EventArgs) => {
    const asked = toQuestion(event, context.botUserId);
    if (!asked) return;
    const where = { kind: event.type, user: asked.userId, channel: asked.channel };
    await deps.track(
      answerWith(deps, where, asked.question, asked.userId, false, (message) =>
        client.chat.postMessage({
          ...message,
          channel: asked.channel,
          ...(asked.threadTs === undefined ? {} : { thread_ts: asked.threadTs }),
        }),
      ),
    );
  };
  app.event("app_mention", onEvent);
  app.event("message", onEvent);

  app.action<BlockButtonAction>(SHARE_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const context = { kind: "share", user: body.user.id, channel: body.channel?.id };
    await deps.track(
      (async () => {
        try {
          const answer = deps.responder.ask(action.value ?? "");
          const message = render(answer, {
            seedsBaseUrl: deps.seedsBaseUrl,
            sharedBy: body.user.id,
          });
          await respond({
            ...message,
            response_type: "in_channel",
            replace_original: false,
          } as RespondArguments);
          await respond({ delete_original: true });
        } catch (error) {
          deps.logger.error("slack: sharing failed", { ...context, error });
          await respond({
            ...renderNotice(FAILURE_TEXT),
            replace_original: false,
          } as RespondArguments).catch((second: unknown) =>
            deps.logger.error("slack: could not report the failure", { ...context, error: second }),
          );
        }
      })(),
    );
  });
}
