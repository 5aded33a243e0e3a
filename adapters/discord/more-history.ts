import { MessageFlags, type ButtonInteraction, type Channel, type Message } from "discord.js";
import {
  extendThread,
  type Answer,
  type Logger,
  type Responder,
  type Thread,
} from "../../src/index.ts";
import { earlierSteps, stepsTo, type Readable, type Step } from "./history-steps.ts";
import type { DiscordPayload } from "./render.ts";

/** An answer replayed from the history, and whether it was a More. */
export interface Replayed {
  answer: Answer;
  more: boolean;
}

/** Whether `payload` is what `message` shows (its text and its quotes). */
function shows(message: Message, payload: DiscordPayload): boolean {
  const quotes = (embeds: readonly { description?: string | null }[]) =>
    JSON.stringify(embeds.map((e) => e.description ?? ""));
  return message.content === payload.content && quotes(message.embeds) === quotes(payload.embeds);
}

/**
 * Replays `steps` through the core: each answer asked again with the turns before it. An
 * earlier step that no longer gives what its message shows (a notice, or the documents
 * changed) is left out; the `steps` after them must each give it, else null.
 */
export function replay(
  earlier: readonly Step[],
  steps: readonly Step[],
  responder: Responder,
  render: (answer: Answer) => DiscordPayload,
): Replayed[] | null {
  const replayed: Replayed[] = [];
  let thread: Thread = [];
  for (const [i, step] of [...earlier, ...steps].entries()) {
    const more = "more" in step;
    const answer = more ? responder.more(thread) : responder.ask(step.question, { thread });
    if (!shows(step.message, render(answer))) {
      if (i < earlier.length) continue;
      return null;
    }
    thread = extendThread(thread, answer, more);
    replayed.push({ answer, more });
  }
  return replayed;
}

/**
 * Rebuilds the conversation of a More button citebot no longer holds (a restart) from the
 * channel's history: the answer's question, the Mores after it and, when the conversation is
 * the whole thread (`wholeThread`), citebot's earlier answers there, all asked again. The
 * answers in order, or null when the history cannot be read or no longer replays to what the
 * message shows (the documents changed).
 */
export async function rebuildFromHistory(
  interaction: ButtonInteraction,
  wholeThread: boolean,
  responderFor: (channel: Channel) => Responder,
  render: (answer: Answer) => DiscordPayload,
  logger: Logger,
): Promise<{ answers: Replayed[]; channel: Channel } | null> {
  const context = { interaction: interaction.id, channel: interaction.channelId };
  // A private answer answered a command, whose question the history does not hold.
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) return null;
  try {
    // A thread may not be in the cache after a restart; its parent picks the collection.
    const channel = await interaction.client.channels.fetch(interaction.channelId);
    if (!channel || !("messages" in channel)) return null;
    const readable = channel as Readable;
    const steps = await stepsTo(readable, interaction.message);
    const first = steps?.[0];
    if (!steps || !first) return null;
    const earlier = wholeThread
      ? await earlierSteps(readable, first.message, interaction.client.user.id)
      : [];
    const answers = replay(earlier, steps, responderFor(channel), render);
    if (!answers) {
      logger.info("discord: a More's conversation no longer replays as shown", context);
      return null;
    }
    return { answers, channel };
  } catch (error) {
    logger.warn("discord: could not read a More's conversation back from the history", {
      ...context,
      error,
    });
    return null;
  }
}
