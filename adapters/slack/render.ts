import {
  assertNever,
  sourceUrl,
  toSegments,
  type Answer,
  type CitedAnswer,
  type HelpReply,
  type Excerpt,
} from "../../src/index.ts";
import { button, MORE_ACTION, SHARE_ACTION, type Button } from "./buttons.ts";
import { escapeMrkdwn, fitEscaped, segmentMarkup } from "./mrkdwn.ts";

export { BUTTON_VALUE_MAX, MORE_ACTION, SHARE_ACTION } from "./buttons.ts";

/** Block Kit limits (docs.slack.dev/reference/block-kit): section text, blocks, context items. */
export const SECTION_MAX = 3000;
export const BLOCKS_MAX = 50;
export const CONTEXT_ELEMENTS_MAX = 10;
/** Fallback text is only a notification preview; keep it short. */
export const FALLBACK_MAX = 300;

type Mrkdwn = { type: "mrkdwn"; text: string };
/** The few Block Kit blocks citebot sends. */
export type SlackBlock =
  | { type: "section"; text: Mrkdwn }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: Button[] };

/** A message body for chat.postMessage or a response_url. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Options for {@link render}. */
export interface RenderOptions {
  /** Base URL citations link to (SEEDS_BASE_URL); null leaves sources unlinked. */
  seedsBaseUrl: string | null;
  /** Adds a "More" button sending this value back (see buttons.ts). */
  more?: string;
  /** Adds a "Post to channel" button sending this value back (ephemeral answers). */
  share?: string;
  /** Slack user id of whoever shared the answer to the channel. */
  sharedBy?: string;
}

function excerptSection(excerpt: Excerpt, n: number, answer: CitedAnswer): SlackBlock {
  const prefix = `*[${n}]* ${excerpt.clippedStart ? "…" : ""}`;
  const suffix = excerpt.clippedEnd ? "…" : "";
  const phrase = n === 1 ? answer.phrase : undefined;
  const body = segmentMarkup(
    toSegments(excerpt, phrase),
    SECTION_MAX - prefix.length - suffix.length,
  );
  return section(prefix + body + (body.endsWith("…") ? "" : suffix));
}

function sourceLine(excerpt: Excerpt, n: number, baseUrl: string | null): string {
  const where = `${excerpt.doc}:${excerpt.line}`;
  const url = sourceUrl(baseUrl, excerpt.doc, excerpt.line);
  const title = fitEscaped(excerpt.title, 200).text;
  const label =
    url && url.length <= 1000
      ? `<${escapeMrkdwn(url).replace(/\|/g, "%7C")}|${title}>`
      : title.includes("*")
        ? title
        : `*${title}*`;
  return `[${n}] ${label} · ${fitEscaped(where, 300).text}`;
}

function section(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text: text.slice(0, SECTION_MAX) } };
}

function plainPreview(text: string): string {
  return fitEscaped(text.replace(/\s+/g, " ").trim(), FALLBACK_MAX).text;
}

function helpText(answer: HelpReply): string {
  const how =
    "Ask me about the documents: `/ask how do I reset my password?`, mention me in a channel, " +
    "or send me a direct message. I answer with sentences quoted from the documents, each " +
    "with its source.";
  switch (answer.reason) {
    case "greeting":
      return `Hi! ${how}`;
    case "thanks":
      return `You're welcome! ${how}`;
    case "empty":
    case "help":
      return how;
    default:
      return assertNever(answer.reason);
  }
}

function body(answer: Answer, options: RenderOptions): { text: string; blocks: SlackBlock[] } {
  switch (answer.kind) {
    case "cited": {
      const excerpts = answer.excerpts.slice(0, CONTEXT_ELEMENTS_MAX);
      const sources = excerpts.map((e, i) => sourceLine(e, i + 1, options.seedsBaseUrl));
      return {
        text: plainPreview(answer.excerpts[0].text),
        blocks: [
          ...excerpts.map((e, i) => excerptSection(e, i + 1, answer)),
          { type: "context", elements: sources.map((text) => ({ type: "mrkdwn", text })) },
        ],
      };
    }
    case "not_found": {
      const q = fitEscaped(answer.question, 500).text;
      const lines = [`I couldn't find anything about “${q}” in the documents.`];
      const { spelling, titles } = answer.suggestions;
      if (spelling) lines.push(`Did you mean “${fitEscaped(spelling, 500).text}”?`);
      if (titles.length > 0) {
        const list = titles.slice(0, 5).map((t) => `• ${fitEscaped(t, 200).text}`);
        lines.push(`These documents come closest:\n${list.join("\n")}`);
      }
      return { text: plainPreview(lines[0] ?? ""), blocks: [section(lines.join("\n"))] };
    }
    case "help": {
      const text = helpText(answer);
      return { text: plainPreview(text), blocks: [section(text)] };
    }
    case "no_more": {
      const text = "No more: nothing else in the documents answers that question.";
      return { text, blocks: [section(text)] };
    }
    default:
      return assertNever(answer);
  }
}

/** Renders an answer as a Block Kit message: escaped, unfurls off, within every limit. */
export function render(answer: Answer, options: RenderOptions): SlackMessage {
  const { text, blocks } = body(answer, options);
  if (options.sharedBy && /^[UW][A-Z0-9]+$/.test(options.sharedBy)) {
    blocks.unshift({
      type: "context",
      elements: [
        { type: "mrkdwn", text: `<@${options.sharedBy}> asked: ${plainPreview(answer.question)}` },
      ],
    });
  }
  const buttons: Button[] = [];
  if (answer.kind === "cited") {
    if (options.more !== undefined) buttons.push(button(MORE_ACTION, "More", options.more));
    if (options.share !== undefined)
      buttons.push(button(SHARE_ACTION, "Post to channel", options.share));
  }
  // The buttons stay within the limit: the answer's own blocks give way to them.
  const kept = blocks.slice(0, BLOCKS_MAX - (buttons.length > 0 ? 1 : 0));
  if (buttons.length > 0) kept.push({ type: "actions", elements: buttons });
  return { text, blocks: kept, unfurl_links: false, unfurl_media: false };
}

/** A one-line message for notices such as rate limits and errors (text we wrote ourselves). */
export function renderNotice(text: string): SlackMessage {
  return { text, blocks: [section(text)], unfurl_links: false, unfurl_media: false };
}
