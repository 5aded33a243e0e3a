/** The parts of a gateway message that decide whether citebot should answer it. */
export interface IncomingMessage {
  /** Raw content; for guild messages Discord fills it in only when the bot is mentioned. */
  content: string;
  author: { id: string; bot: boolean };
  /** Ids of the users mentioned (a reply that pings its author lists that author too). */
  mentionedUserIds: readonly string[];
  /** True for a direct message. */
  isDirect: boolean;
  /** True in a thread citebot has answered in (and can read unmentioned messages of). */
  inOwnThread?: boolean;
  /** True for a new post in a help channel (a text channel's message, a forum post's first). */
  isHelpPost?: boolean;
}

/**
 * How a message reached citebot: addressed to it (a DM, a mention) or unprompted (a reply in
 * its thread, a help-channel post), which it answers only when it has something to say.
 */
export type Via = "direct" | "mention" | "thread" | "help";

/** The parts of a slash command interaction that decide what to do. */
export interface IncomingCommand {
  commandName: string;
  /** The string value of the `question` option, if given. */
  question: string | null;
  /** The boolean value of the `private` option, if given. */
  private: boolean | null;
}

/** What the bot was asked to do. */
export type Request =
  { kind: "ask"; question: string; ephemeral: boolean } | { kind: "sources" } | { kind: "help" };

// Mentions of users, roles, channels and everyone are not words of the question: searching
// for them only adds noise.
const MENTION_TAG = /<(?:@[!&]?|#)\d+>|@everyone\b|@here\b/gi;

/**
 * Decides whether a message is a question for the bot and returns it without the bot's
 * mention (or any other mention), or null when the message is not for us: a bot wrote
 * it, or it is a guild message that does not mention the bot outside a thread citebot
 * answered in or a help-channel post. An empty string means
 * "mentioned with no question".
 */
export function toQuestion(message: IncomingMessage, botId: string): string | null {
  return viaOf(message, botId) === null ? null : withoutMentions(message.content);
}

/** How the message reached citebot, or null when it is not for citebot (see {@link toQuestion}). */
export function viaOf(message: IncomingMessage, botId: string): Via | null {
  if (message.author.bot || message.author.id === botId) return null;
  if (message.isDirect) return "direct";
  if (message.mentionedUserIds.includes(botId)) return "mention";
  if (message.inOwnThread) return "thread";
  if (message.isHelpPost) return "help";
  return null;
}

/** The text without mention tags and with white space collapsed: the words of the question. */
export function withoutMentions(text: string): string {
  return text.replace(MENTION_TAG, " ").replace(/\s+/g, " ").trim();
}

/** Turns a slash command into a request, or null for a command this bot does not know. */
export function toRequest(command: IncomingCommand): Request | null {
  switch (command.commandName) {
    case "ask":
      return {
        kind: "ask",
        question: (command.question ?? "").replace(/\s+/g, " ").trim(),
        ephemeral: command.private === true,
      };
    case "sources":
      return { kind: "sources" };
    case "help":
      return { kind: "help" };
    default:
      return null;
  }
}
