import type { App, BlockButtonAction, RespondArguments } from "@slack/bolt";
import type { Thread } from "../../src/index.ts";
import { answerWith, ephemeralDelivery, postedDelivery, poster } from "./ask-flow.ts";
import type { ConversationDeps } from "./memory.ts";
import { registerMore } from "./more.ts";
import { renderNotice, SHARE_ACTION, type SlackMessage } from "./render.ts";
import { share } from "./share.ts";
import { registerShortcut } from "./shortcut.ts";
import { fetchThread, turnsOf } from "./thread-reader.ts";
import { hasAnswered, type ThreadMessage } from "./thread-turns.ts";
import { commandQuestion, toQuestion, type SlackEventLike } from "./to-question.ts";

interface EventArgs {
  event: SlackEventLike;
  body: { team_id?: string };
  client: App["client"];
  context: { botUserId?: string };
}

/** Registers `/ask`, mentions, DMs, thread replies, help channels and the answer buttons. */
export function registerHandlers(app: App, deps: ConversationDeps): void {
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
    const origin = {
      team: command.team_id ?? null,
      channel: command.channel_id,
      direct: command.channel_id.startsWith("D"),
    };
    const key = `ephemeral:${command.trigger_id}`;
    await deps.track(
      answerWith(
        deps,
        context,
        { question: asked.question, userId: asked.userId, origin, thread: [] },
        ephemeralDelivery(deps, key, send),
      ),
    );
  });

  // Bolt's context carries the bot's own user id (from auth.test at start-up).
  const onEvent = async ({ event, client, context, body }: EventArgs) => {
    const joined = deps.memory.answered;
    // Asked only for an unmentioned reply in a channel thread. One this process knows nothing
    // of may be a thread citebot answered in: the thread Slack gives back says so below.
    let unsure = false;
    const answeredIn = (channel: string, ts: string) => {
      const known = joined.known(channel, ts);
      unsure = known === undefined;
      return known !== false;
    };
    const helpChannels = deps.help?.channels ?? new Set<string>();
    const asked = toQuestion(event, context.botUserId, { helpChannels, answeredIn });
    if (!asked) return;
    const { channel, threadTs } = asked;
    const where = { kind: event.type, user: asked.userId, channel };
    const direct = event.channel_type === "im" || channel.startsWith("D");
    const work = async () => {
      let thread: Thread =
        threadTs === undefined ? deps.memory.conversations.get(`dm:${channel}`) : [];
      if (asked.inThread && threadTs !== undefined) {
        const read = () => fetchThread(client, { channel, threadTs }, deps.logger);
        // The read that settles whether citebot answered there also gives the turns.
        const got: { messages?: ThreadMessage[] | null } = {};
        if (unsure) {
          const answered = await joined.check(channel, threadTs, async () => {
            got.messages = await read();
            return got.messages !== null && hasAnswered(got.messages, context.botUserId);
          });
          if (!answered) return;
        }
        // Waited on another reply's read: this one reads its own turns.
        const messages = got.messages === undefined ? await read() : got.messages;
        const place = { channel, threadTs, before: event.ts ?? "" };
        thread = messages ? turnsOf(messages, place, context.botUserId) : [];
      }
      const post = poster(client);
      await answerWith(
        deps,
        where,
        {
          question: asked.question,
          userId: asked.userId,
          origin: { team: body.team_id ?? null, channel, direct },
          thread,
          ...(asked.unasked ? { unaskedMin: deps.help?.minConfidence ?? 1 } : {}),
        },
        postedDelivery(deps, { channel, ...(threadTs === undefined ? {} : { threadTs }) }, post),
      );
    };
    await deps.track(work());
  };
  app.event("app_mention", onEvent);
  app.event("message", onEvent);

  app.action<BlockButtonAction>(SHARE_ACTION, async (args) => {
    await args.ack();
    await deps.track(share(deps, args));
  });
  registerMore(app, deps);
  registerShortcut(app, deps);
}
