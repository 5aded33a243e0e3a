import type { App } from "@slack/bolt";
import { extendThread, type Answer, type AskOptions, type Thread } from "../../src/index.ts";
import { askAndLog } from "../shared/asking.ts";
import { moreValue, shareValue } from "./buttons.ts";
import { withFeedback } from "./feedback.ts";
import type { ConversationDeps } from "./memory.ts";
import { FAILURE_TEXT, slowDown } from "./notices.ts";
import { render, renderNotice, type RenderOptions, type SlackMessage } from "./render.ts";
import { toMetadata } from "./thread-turns.ts";

/** Where a question was asked, for the log and the channel's collection. */
export interface Origin {
  team: string | null;
  channel: string | null;
  direct: boolean;
}

/** A question and the conversation it belongs to. */
export interface Asked {
  question: string;
  userId: string;
  origin: Origin;
  /** The earlier turns; empty for a question on its own. */
  thread: Thread;
  /** Unasked (a help channel): answered only at this confidence, else silence. */
  unaskedMin?: number;
}

/** How an answer reaches the user: its buttons, then the message. */
export interface Delivery {
  /** Keeps what the answer adds to its conversation and gives the buttons it carries. */
  prepare(answer: Answer): Pick<RenderOptions, "more" | "share">;
  /** Sends a message; `answer` is set for an answer, null for a notice. */
  send(message: SlackMessage, answer: Answer | null): Promise<unknown>;
}

/** Where an answer posted with chat.postMessage goes. */
interface Posted {
  channel: string;
  /** The thread; undefined posts at the top level of a DM. */
  threadTs?: string;
}

type PostMessage = (message: Record<string, unknown>) => Promise<unknown>;

/** chat.postMessage of `client`, for messages citebot builds (blocks, metadata, thread). */
export function poster(client: App["client"]): PostMessage {
  return (message) =>
    client.chat.postMessage(message as unknown as Parameters<typeof client.chat.postMessage>[0]);
}

/**
 * Posts into a thread (or the top of a DM) with the answer's turn as message metadata, so
 * the thread can be read back; in a DM's top level the turns are kept in memory too.
 */
export function postedDelivery(
  deps: ConversationDeps,
  where: Posted,
  post: PostMessage,
  wasMore = false,
): Delivery {
  const { channel, threadTs } = where;
  const dmKey = `dm:${channel}`;
  return {
    prepare(answer) {
      if (threadTs !== undefined) return { more: moreValue({ thread: threadTs }) };
      const thread = deps.memory.conversations.get(dmKey);
      deps.memory.conversations.set(dmKey, extendThread(thread, answer, wasMore));
      return { more: moreValue({ dm: true }) };
    },
    async send(message, answer) {
      await post({
        ...message,
        channel,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        ...(answer ? { metadata: toMetadata(answer, wasMore) } : {}),
      });
      if (answer && threadTs !== undefined) deps.memory.answered.learn(channel, threadTs, true);
    },
  };
}

/**
 * Answers privately (a response_url): the conversation is kept in memory under `key`, and the
 * answer shown is kept for "Post to channel", which posts exactly it.
 */
export function ephemeralDelivery(
  deps: ConversationDeps,
  key: string,
  respond: (message: SlackMessage) => Promise<unknown>,
  wasMore = false,
): Delivery {
  return {
    prepare(answer) {
      const thread = extendThread(deps.memory.conversations.get(key), answer, wasMore);
      deps.memory.conversations.set(key, thread);
      const turn = thread.at(-1);
      return {
        more: moreValue({ key, ...(turn ? { turn } : {}) }),
        share: shareValue(deps.memory.shown.keep(answer), answer),
      };
    },
    send: (message) => respond(message),
  };
}

/** Renders `answer` with its buttons (and 👍 / 👎 when logged) and sends it. */
export async function deliver(
  deps: ConversationDeps,
  delivery: Delivery,
  answer: Answer,
  questionId: string | null,
): Promise<void> {
  const buttons = delivery.prepare(answer);
  const message = render(answer, { seedsBaseUrl: deps.seedsBaseUrl, ...buttons });
  await delivery.send(withFeedback(message, answer, questionId), answer);
}

/**
 * Answers `asked` (rate-limited) through `delivery`. An unasked question is answered only when
 * citebot is sure, and otherwise not logged, not counted and not replied to. Any failure is
 * logged with `context`; a person who asked gets {@link FAILURE_TEXT}, never silence.
 */
export async function answerWith(
  deps: ConversationDeps,
  context: Record<string, unknown>,
  asked: Asked,
  delivery: Delivery,
): Promise<void> {
  const unasked = asked.unaskedMin !== undefined;
  try {
    const place = { platform: "slack", server: asked.origin.team, channel: asked.origin.channel };
    const options: AskOptions = {
      thread: asked.thread,
      ...(asked.unaskedMin === undefined ? {} : { minConfidence: asked.unaskedMin }),
    };
    const asker = { place, user: asked.userId, direct: asked.origin.direct };
    if (unasked) {
      const { responder, collection } = deps.asking?.pick(place) ?? {
        responder: deps.responder,
        collection: null,
      };
      const answer = responder.ask(asked.question, options);
      // Unasked: not a word, not logged, not counted, unless citebot is sure.
      if (answer.kind !== "cited" || !deps.rateLimiter.take(asked.userId).allowed) return;
      const record = { ...place, workspace: place.server, user: asker.user, direct: asker.direct };
      const id = deps.asking?.log?.record({ ...record, collection, answer }) ?? null;
      await deliver(deps, delivery, answer, id);
      return;
    }
    const decision = deps.rateLimiter.take(asked.userId);
    if (!decision.allowed) {
      await delivery.send(slowDown(decision.retryAfterMs), null);
      return;
    }
    const { answer, id } = askAndLog(deps.asking, deps.responder, asker, asked.question, options);
    await deliver(deps, delivery, answer, id);
  } catch (error) {
    deps.logger.error("slack: answering failed", { ...context, error });
    if (unasked) return;
    await delivery.send(renderNotice(FAILURE_TEXT), null).catch((second: unknown) => {
      deps.logger.error("slack: could not tell the user about the failure", {
        ...context,
        error: second,
      });
    });
  }
}
