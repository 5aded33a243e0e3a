import {
  assertNever,
  sourceUrl,
  toSegments,
  type Answer,
  type CitedAnswer,
  type DocumentInfo,
  type Excerpt,
  type HelpReason,
} from "../../src/index.ts";
import { fitEscaped, fitSegments } from "./markdown.ts";

/** Discord's documented limits, counted in UTF-16 units as `.length` does. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All titles, descriptions, field names and values, footers and author names together. */
  total: 6000,
} as const;

/** Options for {@link render}. */
export interface RenderOptions {
  /** SEEDS_BASE_URL: when set, each source links to `base/doc#Lline`. */
  seedsBaseUrl: string | null;
  /** Longest rendered excerpt, so one long sentence cannot crowd out the others. Default 1000. */
  maxExcerptChars?: number;
}

/** A Discord embed, in the shape discord.js accepts. */
export interface DiscordEmbed {
  description?: string;
  color?: number;
  fields?: { name: string; value: string }[];
}

/** A message payload, in the shape discord.js accepts for `send`, `reply` and interactions. */
export interface DiscordPayload {
  content: string;
  embeds: DiscordEmbed[];
  /** Always `{ parse: [] }`: nothing the bot writes may ping anyone. */
  allowedMentions: { parse: [] };
}

/** Most excerpts shown; the core returns at most three, this guards the layout anyway. */
const MAX_EXCERPTS = 5;
const COLOR = 0x5865f2;

/** How to ask, shown for `/help`, an empty mention and a "help" question. */
export const HELP_TEXT = [
  "I answer questions with sentences quoted from the documents, each with its source.",
  "• Mention me with a question in a channel, for example `@citebot how do I install it?` — I answer in a thread, where you can follow up.",
  "• Send me a direct message.",
  "• Use `/ask question:` — add `private:True` so only you see the answer.",
  "• Right-click a message → Apps → **Ask citebot** to look it up (only you see the answer).",
  "• `/sources` lists the documents I know.",
].join("\n");

/** Renders any core answer as the message the bot sends; the REPL's `:as discord` prints it. */
export function render(answer: Answer, options: RenderOptions): DiscordPayload {
  switch (answer.kind) {
    case "cited":
      return renderCited(answer, options);
    case "not_found":
      return text(notFound(answer.suggestions));
    case "help":
      return text(help(answer.reason));
    case "no_more":
      return text("No more: nothing else in the documents answers that question.");
    default:
      return assertNever(answer);
  }
}

/** The `/sources` reply: every document with its title, within one message. */
export function renderSources(documents: readonly DocumentInfo[]): DiscordPayload {
  if (documents.length === 0) return text("I have no documents yet.");
  const head = `I know ${documents.length} document${documents.length === 1 ? "" : "s"}:`;
  const lines: string[] = [head];
  let length = head.length;
  for (const [i, d] of documents.entries()) {
    const line = `• ${fitEscaped(d.title, 120)} — ${fitEscaped(d.doc, 120)}`;
    const more = `…and ${documents.length - i} more.`;
    if (length + 1 + line.length + 1 + more.length > LIMITS.content) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return text(lines.join("\n"));
}

/** The polite reply to a user who asks faster than the rate limit allows. */
export function renderRateLimited(retryAfterMs: number): DiscordPayload {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return text(
    `You're asking faster than I can keep up — please try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
  );
}

/** The one friendly line a user sees when answering failed; details go to the log. */
export function renderFailure(): DiscordPayload {
  return text("Sorry, something went wrong while I was looking that up. Please try again.");
}

/** The help reply, as sent for `/help`. */
export function renderHelp(): DiscordPayload {
  return text(HELP_TEXT);
}

function renderCited(answer: CitedAnswer, options: RenderOptions): DiscordPayload {
  const excerpts = answer.excerpts.slice(0, MAX_EXCERPTS);
  const n = excerpts.length;
  const quoteBudget = Math.floor((LIMITS.description - (n - 1)) / n);
  const sourceBudget = Math.floor((LIMITS.fieldValue - (n - 1)) / n);
  const quotes = excerpts.map((e, i) => {
    const marker = ` **[${i + 1}]**`;
    const lead = `> “${e.clippedStart ? "…" : ""}`;
    const tail = `${e.clippedEnd ? "…" : ""}”${marker}`;
    const room = Math.min(options.maxExcerptChars ?? 1000, quoteBudget - lead.length - tail.length);
    const segments = toSegments(e, i === 0 ? answer.phrase : undefined);
    return lead + fitSegments(segments, room) + tail;
  });
  const sources = excerpts.map((e, i) => source(e, i + 1, sourceBudget, options.seedsBaseUrl));
  return {
    content: "",
    embeds: [
      {
        description: quotes.join("\n"),
        color: COLOR,
        fields: [{ name: n === 1 ? "Source" : "Sources", value: sources.join("\n") }],
      },
    ],
    allowedMentions: { parse: [] },
  };
}

/** `**[n]** [Title](link) — doc:line`, dropping the link and then clipping to fit `max`. */
function source(e: Excerpt, n: number, max: number, baseUrl: string | null): string {
  const marker = `**[${n}]** `;
  const where = ` — ${fitEscaped(`${e.doc}:${e.line}`, Math.floor(max / 3))}`;
  const room = max - marker.length - where.length;
  // Characters that would end a Markdown link early are percent-encoded.
  const url = linkTo(baseUrl, e)?.replace(/[()<>\s]/g, (c) =>
    c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c),
  );
  if (url) {
    const linked = `[${fitEscaped(e.title, 200)}](${url})`;
    if (linked.length <= room) return marker + linked + where;
  }
  return marker + fitEscaped(e.title, room) + where;
}

function linkTo(baseUrl: string | null, e: Excerpt): string | null {
  try {
    return sourceUrl(baseUrl, e.doc, e.line);
  } catch {
    return null; // encodeURIComponent rejects a path with a lone surrogate: cite without a link
  }
}

function notFound(suggestions: { spelling?: string; titles: readonly string[] }): string {
  const parts = ["I couldn't find that in the documents."];
  if (suggestions.spelling) parts.push(`Did you mean “${fitEscaped(suggestions.spelling, 300)}”?`);
  const titles = suggestions.titles.slice(0, 5).map((t) => `“${fitEscaped(t, 200)}”`);
  if (titles.length > 0) parts.push(`Closest documents: ${titles.join(", ")}.`);
  parts.push("Try other words, or `/sources` to see what I know.");
  return parts.join(" ");
}

function help(reason: HelpReason): string {
  switch (reason) {
    case "thanks":
      return "You're welcome! Ask again any time.";
    case "greeting":
      return `Hello! ${HELP_TEXT}`;
    case "empty":
    case "help":
      return HELP_TEXT;
    default:
      return assertNever(reason);
  }
}

function text(content: string): DiscordPayload {
  return { content, embeds: [], allowedMentions: { parse: [] } };
}
