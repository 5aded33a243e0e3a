import {
  ALL,
  ALL_SEEDS,
  assertNever,
  collectionFor,
  type Answer,
  type CollectionMap,
  type CollectionRouter,
  type QuestionLog,
  type Responder,
} from "../../src/index.ts";
import { isBigInteger, protectBigIntegers } from "./big-integers.ts";
import { createThreadStore, type ThreadStore } from "../shared/threads.ts";

/** One output line of `ask --jsonl`. */
export interface JsonlReply {
  id: unknown;
  status: "answered" | "not_found" | "help" | "no_more" | "error";
  excerpts: {
    text: string;
    doc: string;
    title: string;
    start: number;
    end: number;
    line: number;
    score: number;
  }[];
  answer?: { text: string; start: number; end: number };
  message?: string;
}

function toReply(id: unknown, answer: Answer): JsonlReply {
  switch (answer.kind) {
    case "cited":
      return {
        id,
        status: "answered",
        excerpts: answer.excerpts.map(({ text, doc, title, start, end, line, score }) => ({
          text,
          doc,
          title,
          start,
          end,
          line,
          score,
        })),
        ...(answer.phrase
          ? {
              answer: {
                text: answer.phrase.text,
                start: answer.phrase.start,
                end: answer.phrase.end,
              },
            }
          : {}),
      };
    case "not_found": {
      const { spelling, titles } = answer.suggestions;
      const hints = [
        spelling ? `did you mean "${spelling}"?` : "",
        titles.length ? `closest documents: ${titles.join("; ")}` : "",
      ];
      return {
        id,
        status: "not_found",
        excerpts: [],
        message: ["nothing in the seeds answers that", ...hints.filter(Boolean)].join("; "),
      };
    }
    case "help":
      return {
        id,
        status: "help",
        excerpts: [],
        message: `not a question (${answer.reason}); ask about the documents in the seeds folder`,
      };
    case "no_more":
      return {
        id,
        status: "no_more",
        excerpts: [],
        message: "nothing else in the seeds answers that thread's last question",
      };
    default:
      return assertNever(answer);
  }
}

/** Optional fields of an input line that say where the question came from (for the log). */
const ORIGIN_FIELDS = ["platform", "workspace", "channel", "user", "collection"] as const;

/** Document sets for `ask --jsonl`: a line's "collection", else the map's for its channel. */
export interface JsonlCollections {
  router: CollectionRouter;
  map?: CollectionMap;
}

/**
 * Answers one input line `{"id", "question", "thread"?, "more"?}`; anything malformed becomes
 * an error line. Lines with the same `thread` form one conversation, in order, kept in `threads`.
 * With a log, the question is logged with the line's optional `platform`, `workspace`, `channel`
 * and `user` fields (platform defaults to "jsonl").
 */
export function answerLine(
  line: string,
  responder: Responder,
  log: QuestionLog | null = null,
  threads: ThreadStore = createThreadStore({ maxThreads: 1 }),
  collections: JsonlCollections | null = null,
): JsonlReply {
  let input: unknown;
  try {
    input = JSON.parse(protectBigIntegers(line));
  } catch {
    return {
      id: null,
      status: "error",
      excerpts: [],
      message: 'not valid JSON; send one object per line: {"id": 1, "question": "..."}',
    };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      id: null,
      status: "error",
      excerpts: [],
      message: 'expected a JSON object such as {"id": 1, "question": "..."}',
    };
  }
  const { id = null, question, thread, more } = input as Record<string, unknown>;
  if (thread !== undefined && typeof thread !== "string" && typeof thread !== "number") {
    return { id, status: "error", excerpts: [], message: '"thread" must be a string or number' };
  }
  if (more !== undefined && typeof more !== "boolean") {
    return { id, status: "error", excerpts: [], message: '"more" must be true or false' };
  }
  if (more && thread === undefined) {
    return {
      id,
      status: "error",
      excerpts: [],
      message: '"more" needs the "thread" whose last question it continues',
    };
  }
  if (!more && (typeof question !== "string" || isBigInteger(question))) {
    return { id, status: "error", excerpts: [], message: 'missing "question" string' };
  }
  const origin: Partial<Record<(typeof ORIGIN_FIELDS)[number], string>> = {};
  for (const field of ORIGIN_FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || isBigInteger(value) || value.length > 200) {
      return {
        id,
        status: "error",
        excerpts: [],
        message: `"${field}" must be a string of at most 200 characters when given`,
      };
    }
    origin[field] = value;
  }
  const platform = origin.platform ?? "jsonl";
  const place = { platform, server: origin.workspace ?? null, channel: origin.channel ?? null };
  const collection = origin.collection ?? collectionFor(collections?.map ?? ALL_SEEDS, place);
  const names = collections?.router.names ?? [];
  if (collection !== null && collection !== ALL && !names.includes(collection)) {
    return {
      id,
      status: "error",
      excerpts: [],
      message: `"collection" must name a sub-folder of the seeds folder (${[...names, ALL].join(", ")})`,
    };
  }
  const from = collections ? collections.router.responder(collection) : responder;
  const key = thread === undefined ? null : String(thread);
  try {
    const answer =
      key === null
        ? from.ask(question as string)
        : more
          ? from.more(threads.get(key))
          : from.ask(question as string, { thread: threads.get(key) });
    if (key !== null) threads.record(key, answer, more === true);
    log?.record({ ...origin, platform, collection, answer });
    return toReply(id, answer);
  } catch (err) {
    return {
      id,
      status: "error",
      excerpts: [],
      message: `internal error: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
