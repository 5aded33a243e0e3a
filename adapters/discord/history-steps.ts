import type { Channel, Message } from "discord.js";
import { withoutMentions } from "./to-question.ts";

/** Most More answers followed back to the answer of the question. */
const MAX_MORES = 10;
/** Earlier messages of a thread read to rebuild its turns (one REST page). */
const EARLIER_MESSAGES = 100;

/** One answer citebot gave, as the history shows it: to a question, or to a More. */
export type Step = { message: Message } & ({ question: string } | { more: true });

/** A channel whose messages can be read (a text channel, a thread, a DM). */
export type Readable = Channel & {
  messages: {
    fetch(id: string): Promise<Message>;
    fetch(options: { limit: number; before: string }): Promise<Map<string, Message>>;
  };
};

/**
 * The question `answer` replied to: the message it references, or for the first answer in a
 * thread citebot opened on a question, the thread's starter. Null when there is none with words.
 */
async function questionOf(channel: Readable, answer: Message): Promise<string | null> {
  const asked = answer.reference?.messageId
    ? await channel.messages.fetch(answer.reference.messageId)
    : channel.isThread()
      ? await channel.fetchStarterMessage()
      : null;
  const question = withoutMentions(asked?.content ?? "");
  return question === "" ? null : question;
}

/**
 * The steps that led to `answer`, oldest first: a More's answer points at the message whose
 * button was pressed, back to the answer of a question. Null when that question is not in the
 * history (a command's answer, a deleted or empty message).
 */
export async function stepsTo(channel: Readable, answer: Message): Promise<Step[] | null> {
  const mores: Step[] = [];
  let current = answer;
  while (current.interactionMetadata?.interactedMessageId && mores.length < MAX_MORES) {
    mores.unshift({ message: current, more: true });
    current = await channel.messages.fetch(current.interactionMetadata.interactedMessageId);
  }
  if (current.interactionMetadata) return null; // a command's answer, or too many Mores back
  const question = await questionOf(channel, current);
  return question === null ? null : [{ message: current, question }, ...mores];
}

/**
 * citebot's answers in the thread before `before`, oldest first, each with its question (from
 * the last {@link EARLIER_MESSAGES} messages). An answer whose question cannot be read is left
 * out, as is anything citebot wrote that answered nothing.
 */
export async function earlierSteps(
  channel: Readable,
  before: Message,
  botId: string,
): Promise<Step[]> {
  const page = await channel.messages.fetch({ limit: EARLIER_MESSAGES, before: before.id });
  const ours = [...page.values()]
    .filter((m) => m.author.id === botId)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  const steps: Step[] = [];
  for (const message of ours) {
    if (message.interactionMetadata?.interactedMessageId) {
      steps.push({ message, more: true });
      continue;
    }
    if (message.interactionMetadata) continue;
    const question = await questionOf(channel, message).catch(() => null);
    if (question !== null) steps.push({ message, question });
  }
  return steps;
}
