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
  /** Asked inside an existing thread: its earlier messages are the conversation. */
  inThread?: true;
  /** Nobody addressed citebot (a help-channel post): answer only when sure, else stay silent. */
  unasked?: true;
}

/** What decides whether a channel message without a mention is for citebot. */
export interface Listening {
  /** Help channels: their posts are answered unasked (SLACK_HELP_CHANNELS). */
  helpChannels?: ReadonlySet<string>;
  /** Whether citebot has answered in a thread (a reply there needs no mention). */
  answeredIn?: (channel: string, threadTs: string) => boolean;
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
 * mentions are answered in their thread, DMs in the DM, replies in a thread citebot answered
 * in that thread, help-channel posts (unasked) in their own thread. Edits, joins, other
 * subtypes, anything a bot wrote (citebot included) and other channel messages give null.
 */
export function toQuestion(
  event: SlackEventLike,
  botUserId?: string,
  listening: Listening = {},
): SlackQuestion | null {
  if (fromBot(event, botUserId) || event.subtype !== undefined) return null;
  const { user, channel, ts, thread_ts: threadTs } = event;
  if (!user || !channel || !ts) return null;
  const text = (event.text ?? "").slice(0, READ_LIMIT);
  const question = decodeSlackText(text, botUserId);
  const asked: SlackQuestion = { question, userId: user, channel };
  const inThread = threadTs !== undefined && threadTs !== ts;
  if (inThread) asked.inThread = true;
  const direct = channel.startsWith("D") || event.channel_type === "im";
  if (event.type === "app_mention") {
    // A mention inside a DM also arrives as a DM message; answer that one only.
    return direct ? null : { ...asked, threadTs: threadTs ?? ts };
  }
  if (event.type !== "message") return null;
  if (direct) return threadTs === undefined ? asked : { ...asked, threadTs };
  // A mention also arrives as app_mention, which answers it.
  if (botUserId !== undefined && text.includes(`<@${botUserId}`)) return null;
  if (event.channel_type === "mpim") return null;
  const help = listening.helpChannels?.has(channel) === true;
  if (inThread) {
    if (listening.answeredIn?.(channel, threadTs) !== true) return null;
    return { ...asked, threadTs, ...(help ? { unasked: true as const } : {}) };
  }
  return help ? { ...asked, threadTs: ts, unasked: true } : null;
}

/** The question in a message a shortcut was used on ("" when it has no text). */
export function readShortcutQuestion(text: unknown, botUserId?: string): string {
  return typeof text === "string" ? decodeSlackText(text.slice(0, READ_LIMIT), botUserId) : "";
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
