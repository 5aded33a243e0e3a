import { MAX_QUESTION_LENGTH } from "../../src/index.ts";

// Slack's encoding (<@U…|name>, &amp;) shrinks when decoded, so a few times the question limit
// is read; the rest of a huge message is never decoded.
const READ_LIMIT = 4 * MAX_QUESTION_LENGTH;

/** A question addressed to citebot, with where the answer goes. */
export interface SlackQuestion {
  question: string;
  /** Who asked, for the rate limit. */
  userId: string;
  channel: string;
  /** Thread to answer in; undefined answers at the top level (a plain DM). */
  threadTs?: string;
}

/** The fields of an `app_mention` or `message` event that citebot reads. */
export interface SlackEventLike {
  type?: string | undefined;
  subtype?: string | undefined;
  channel_type?: string | undefined;
  text?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  bot_profile?: unknown;
  channel?: string | undefined;
  ts?: string | undefined;
  thread_ts?: string | undefined;
}

/** The fields of a slash command payload that citebot reads. */
export interface SlackCommandLike {
  /** A string from Slack; anything else (a repeated form field, a number) is handled too. */
  text?: unknown;
  user_id?: unknown;
  channel_id?: string | undefined;
}

/**
 * Turns Slack's encoded message text into what the user typed: mentions of the bot vanish,
 * other mentions, channels and links become their labels, and `&amp;` `&lt;` `&gt;` decode.
 */
export function decodeSlackText(text: string, botUserId?: string): string {
  const decoded = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = "", label] = inner.split("|", 2);
    if (target.startsWith("@")) {
      const id = target.slice(1);
      return botUserId === undefined || id === botUserId ? " " : `@${label ?? id}`;
    }
    if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
    if (target.startsWith("!")) return `@${label ?? target.slice(1).split("^")[0]}`;
    return label ?? target;
  });
  return decoded
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function fromBot(event: SlackEventLike, botUserId?: string): boolean {
  return (
    event.bot_id !== undefined ||
    event.bot_profile !== undefined ||
    event.subtype === "bot_message" ||
    (botUserId !== undefined && event.user === botUserId)
  );
}

/**
 * Decides whether an `app_mention` or `message` event is a question for citebot: channel
 * mentions are answered in their thread, DMs in the DM. Edits, joins, other subtypes and
 * anything a bot wrote (citebot included) give null.
 */
export function toQuestion(event: SlackEventLike, botUserId?: string): SlackQuestion | null {
  if (fromBot(event, botUserId) || event.subtype !== undefined) return null;
  const { user, channel, ts } = event;
  if (!user || !channel || !ts) return null;
  const question = decodeSlackText((event.text ?? "").slice(0, READ_LIMIT), botUserId);
  if (event.type === "app_mention") {
    // A mention inside a DM also arrives as a DM message; answer that one only.
    if (channel.startsWith("D") || event.channel_type === "im") return null;
    return { question, userId: user, channel, threadTs: event.thread_ts ?? ts };
  }
  if (event.type === "message" && event.channel_type === "im") {
    const asked: SlackQuestion = { question, userId: user, channel };
    if (event.thread_ts !== undefined) asked.threadTs = event.thread_ts;
    return asked;
  }
  return null;
}

/** What `/ask` asked, or a problem to tell the user when the command cannot be read. */
export type CommandQuestion =
  { question: string; userId: string } | { problem: string; userId: string };

/** Reads the question of an `/ask` command; `/ask` alone gives "" (the core answers with help). */
export function commandQuestion(command: SlackCommandLike): CommandQuestion {
  const userId = typeof command.user_id === "string" ? command.user_id : "";
  const text: unknown = command.text;
  if (text === undefined || text === null) return { question: "", userId };
  if (typeof text === "number") return { question: String(text), userId };
  if (typeof text !== "string") {
    return {
      problem:
        "I could not read that /ask: its text arrived more than once or in pieces. Please send the question again as one line.",
      userId,
    };
  }
  return { question: decodeSlackText(text.slice(0, READ_LIMIT)), userId };
}
