import type { App, BlockButtonAction, RespondArguments } from "@slack/bolt";
import type { Answer, Logger, QuestionLog } from "../../src/index.ts";
import type { SlackBlock, SlackMessage } from "./render.ts";

/** Action ids of the 👍 / 👎 buttons and the callback id of the reason modal. */
export const VOTE_UP = "citebot_vote_up";
export const VOTE_DOWN = "citebot_vote_down";
export const REASON_VIEW = "citebot_reason";
/** Longest reason kept. */
export const MAX_REASON = 300;

/** The message with 👍 / 👎 buttons, when the answer was logged and is worth a vote. */
export function withFeedback(
  message: SlackMessage,
  answer: Answer,
  questionId: string | null,
): SlackMessage {
  if (!questionId || (answer.kind !== "cited" && answer.kind !== "not_found")) return message;
  const button = (action_id: string, emoji: string, text: string) => ({
    type: "button",
    action_id,
    value: questionId,
    text: { type: "plain_text", text: `${emoji} ${text}`, emoji: true },
  });
  const block = {
    type: "actions",
    block_id: "citebot_feedback",
    elements: [button(VOTE_UP, "👍", "Helpful"), button(VOTE_DOWN, "👎", "Not helpful")],
  } as unknown as SlackBlock;
  // Block Kit allows 50 blocks; the answer's own stay well below.
  return { ...message, blocks: [...message.blocks.slice(0, 49), block] };
}

/** Registers the vote buttons and the reason modal; a 👎 is kept at once, its reason after. */
export function registerFeedback(
  app: App,
  deps: { log: QuestionLog | null; logger: Logger; track: <T>(work: Promise<T>) => Promise<T> },
): void {
  const { log, logger } = deps;
  const thanks = {
    text: "Thanks for the feedback.",
    response_type: "ephemeral",
    replace_original: false,
  } as RespondArguments;

  app.action<BlockButtonAction>(VOTE_UP, async ({ ack, action, body, respond }) => {
    await ack();
    log?.vote({ questionId: action.value ?? "", platform: "slack", user: body.user.id, vote: 1 });
    await deps.track(
      respond(thanks).catch((error: unknown) =>
        logger.warn("slack: feedback reply failed", { error }),
      ),
    );
  });

  app.action<BlockButtonAction>(VOTE_DOWN, async ({ ack, action, body, client }) => {
    await ack();
    const questionId = action.value ?? "";
    log?.vote({ questionId, platform: "slack", user: body.user.id, vote: -1 });
    await deps.track(
      client.views
        .open({
          trigger_id: body.trigger_id,
          view: {
            type: "modal",
            callback_id: REASON_VIEW,
            private_metadata: questionId,
            title: { type: "plain_text", text: "Not helpful" },
            submit: { type: "plain_text", text: "Send" },
            close: { type: "plain_text", text: "Skip" },
            blocks: [
              {
                type: "input",
                block_id: "reason",
                optional: true,
                label: { type: "plain_text", text: "What was wrong with the answer? (optional)" },
                element: {
                  type: "plain_text_input",
                  action_id: "reason",
                  multiline: true,
                  max_length: MAX_REASON,
                },
              },
            ],
          },
        })
        .catch((error: unknown) =>
          logger.warn("slack: could not open the reason modal", { error }),
        ),
    );
  });

  app.view(REASON_VIEW, async ({ ack, view, body }) => {
    await ack();
    const reason = view.state.values["reason"]?.["reason"]?.value ?? null;
    log?.vote({
      questionId: view.private_metadata,
      platform: "slack",
      user: body.user.id,
      vote: -1,
      reason: reason?.slice(0, MAX_REASON) ?? null,
    });
  });
}
