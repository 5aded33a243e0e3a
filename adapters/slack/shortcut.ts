import type { App, MessageShortcut, RespondArguments } from "@slack/bolt";
import { answerWith, ephemeralDelivery } from "./ask-flow.ts";
import type { ConversationDeps } from "./memory.ts";
import { renderNotice, type SlackMessage } from "./render.ts";
import { readShortcutQuestion } from "./to-question.ts";

/** The callback id of the message shortcut "Ask citebot" (manifest.yml). */
export const ASK_SHORTCUT = "citebot_ask";

/** Said when the message a shortcut was used on has no text to ask about. */
export const NO_TEXT =
  "That message has no text I can read (only files, images or blocks). Ask me with /ask instead.";

/**
 * The message shortcut "Ask citebot": answers the message it is used on, privately (with "Post
 * to channel" to share it). The message's text is anyone's: its mentions and markup are read
 * as plain words, and the answer echoes them escaped, so nobody is pinged.
 */
export function registerShortcut(app: App, deps: ConversationDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: ASK_SHORTCUT, type: "message_action" },
    async ({ shortcut, ack, respond, client, context: bolt }) => {
      await ack();
      const channel = shortcut.channel?.id ?? null;
      const context = { kind: "shortcut", user: shortcut.user.id, channel };
      const send = async (message: SlackMessage) => {
        if (typeof shortcut.response_url === "string" && shortcut.response_url !== "") {
          return respond({ ...message, response_type: "ephemeral" } as RespondArguments);
        }
        if (channel === null) throw new Error("a shortcut with neither response_url nor channel");
        return client.chat.postEphemeral({ ...message, channel, user: shortcut.user.id });
      };
      const question = readShortcutQuestion(shortcut.message?.text, bolt.botUserId);
      if (question === "") {
        await deps.track(
          send(renderNotice(NO_TEXT)).catch((error: unknown) =>
            deps.logger.error("slack: could not tell the user", { ...context, error }),
          ),
        );
        return;
      }
      const origin = {
        team: shortcut.team?.id ?? null,
        channel,
        direct: !!channel?.startsWith("D"),
      };
      await deps.track(
        answerWith(
          deps,
          context,
          { question, userId: shortcut.user.id, origin, thread: [] },
          ephemeralDelivery(deps, `ephemeral:${shortcut.trigger_id}`, send),
        ),
      );
    },
  );
}
