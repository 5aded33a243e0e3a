import { MessageFlags, type ButtonInteraction, type Channel, type Message } from "discord.js";
import { extendThread, type Answer, type Logger, type Responder } from "../../src/index.ts";
import type { DiscordPayload } from "./render.ts";
import { withoutMentions } from "./to-question.ts";

/** Most More answers followed back to the answer of the question. */
const MAX_MORES = 10;

/** The question an answer message answered, and how many More answers past that answer it is. */
interface Asked {
  question: string;
  mores: number;
}

type Readable = Channel & { messages: { fetch(id: string): Promise<Message> } };

/**
 * The question `answer` answered, read from the channel's history: a More answer points at the
 * message whose button was pressed, an answer is a reply to its question, and the first answer
 * in a thread citebot opened on a question is under that question (the thread's starter).
 */
async function readAsked(channel: Readable, answer: Message): Promise<Asked | null> {
  let current = answer;
  for (let mores = 0; mores <= MAX_MORES; mores++) {
    const meta = current.interactionMetadata;
    if (meta?.interactedMessageId) {
      current = await channel.messages.fetch(meta.interactedMessageId);
      continue;
    }
    if (meta) return null; // a command's answer: its question is not in the history
    const asked = current.reference?.messageId
      ? await channel.messages.fetch(current.reference.messageId)
      : channel.isThread()
        ? await channel.fetchStarterMessage()
        : null;
    const question = withoutMentions(asked?.content ?? "");
    return question === "" ? null : { question, mores };
  }
  return null;
}

/** What a quoting answer shows, to compare a replayed answer with the message. */
const quotes = (embeds: readonly { description?: string | null }[]) =>
  JSON.stringify(embeds.map((e) => e.description ?? ""));

/**
 * Rebuilds the conversation of a More button citebot no longer holds (a restart): reads the
 * answer's question from the history, asks it again and goes through as many Mores as the
 * answer is past it. The answers in order, or null when the history cannot be read or no longer
 * replays to what the message shows (the documents changed, or earlier turns shaped it).
 */
export async function rebuildFromHistory(
  interaction: ButtonInteraction,
  responderFor: (channel: Channel) => Responder,
  render: (answer: Answer) => DiscordPayload,
  logger: Logger,
): Promise<{ answers: Answer[]; channel: Channel } | null> {
  const context = { interaction: interaction.id, channel: interaction.channelId };
  // A private answer answered a command, whose question the history does not hold.
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) return null;
  try {
    // A thread may not be in the cache after a restart; its parent picks the collection.
    const channel = await interaction.client.channels.fetch(interaction.channelId);
    if (!channel || !("messages" in channel)) return null;
    const asked = await readAsked(channel as Readable, interaction.message);
    if (!asked) return null;
    const responder = responderFor(channel);
    const answers = [responder.ask(asked.question)];
    let thread = extendThread([], answers[0] as Answer);
    for (let i = 0; i < asked.mores; i++) {
      const more = responder.more(thread);
      answers.push(more);
      thread = extendThread(thread, more, true);
    }
    const replayed = render(answers.at(-1) as Answer).embeds;
    if (quotes(replayed) !== quotes(interaction.message.embeds)) {
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
