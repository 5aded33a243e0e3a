import type { App, MessageShortcut, RespondArguments } from "@slack/bolt";
import type { Thread } from "../../src/index.ts";
import { answerWith, ephemeralDelivery } from "./ask-flow.ts";
import type { ConversationDeps } from "./memory.ts";
import { renderNotice, type SlackMessage } from "./render.ts";
import { readThread } from "./thread-reader.ts";
import { readShortcutQuestion } from "./to-question.ts";

/** The callback id of the message shortcut "Ask citebot" (manifest.yml). */
export const ASK_SHORTCUT = "citebot_ask";

/** Said when the message a shortcut was used on has no text to ask about. */
export const NO_TEXT =
  "That message has no text I can read (only files, images or blocks). Ask me with /ask instead.";

/**
 * The turns before the message a shortcut was used on, when it is a reply in a thread (read
 * as for a mention there); none for a message at the top level or a thread's first message.
 */
async function earlierTurns(
  deps: ConversationDeps,
  client: App["client"],
  shortcut: MessageShortcut,
  botUserId: string | undefined,
): Promise<Thread> {
  const channel = shortcut.channel?.id;
  const threadTs: unknown = shortcut.message?.thread_ts;
  const ts = shortcut.message?.ts;
  if (!channel || typeof threadTs !== "string" || !ts || threadTs === ts) return [];
  return readThread(client, { channel, threadTs, before: ts }, botUserId, deps.logger);
}

/**
 * The message shortcut "Ask citebot": answers the message it is used on, privately (with "Post
 * to channel" to share it), as a follow-up of the turns before it in its thread. The message's text (and
 * the thread's) is anyone's: its mentions and markup are read as plain words, and the answer
 * echoes them escaped, so nobody is pinged.
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
      const key = `ephemeral:${shortcut.trigger_id}`;
      const work = async () => {
        const thread = await earlierTurns(deps, client, shortcut, bolt.botUserId);
        // Kept under the answer's key, so its More goes on from the thread too.
        deps.memory.conversations.set(key, thread);
        const asked = { question, userId: shortcut.user.id, origin, thread };
        await answerWith(deps, context, asked, ephemeralDelivery(deps, key, send));
      };
      await deps.track(work());
    },
  );
}
