import type { Answer, ShownExcerpt, Turn } from "../../src/index.ts";

/** A button's value comes back on a click; Slack allows 2,000 characters. */
export const BUTTON_VALUE_MAX = 2000;
/** The action id of the "Post to channel" button. */
export const SHARE_ACTION = "citebot_share";
/** The action id of the "More" button. */
export const MORE_ACTION = "citebot_more";

/** A Block Kit button as citebot sends it. */
export type Button = {
  type: "button";
  text: { type: "plain_text"; text: string };
  action_id: string;
  value: string;
};

/** Where the conversation a "More" click continues lives. */
export type MoreRef =
  /** A channel or DM thread: its turns are read back with conversations.replies. */
  | { thread: string }
  /** The top level of a DM: the turns kept in memory for that DM. */
  | { dm: true }
  /** An ephemeral answer: the turns kept in memory under `key`, else its last turn here. */
  | { key: string; turn?: Turn };

/** What a "Post to channel" click must post: the answer kept under `id`, else these places. */
export interface ShareRef {
  id: string;
  question: string;
  /** The excerpts shown, so a re-asked answer is posted only when it is the same one. */
  shown?: ShownExcerpt[];
}

type Places = [string, number, number][];
const toPlaces = (shown: readonly ShownExcerpt[]): Places =>
  shown.map((s) => [s.doc, s.start, s.end]);

function fromPlaces(value: unknown): ShownExcerpt[] | undefined {
  if (!Array.isArray(value) || value.length > 100) return undefined;
  const shown: ShownExcerpt[] = [];
  for (const p of value) {
    if (!Array.isArray(p) || typeof p[0] !== "string") return undefined;
    const [doc, start, end] = p as unknown[];
    if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
    shown.push({ doc: doc as string, start: start as number, end: end as number });
  }
  return shown;
}

/** The first of `candidates` whose JSON fits in a button value. */
function fitting(candidates: object[]): string {
  for (const c of candidates) {
    const json = JSON.stringify(c);
    if (json.length <= BUTTON_VALUE_MAX) return json;
  }
  return "{}";
}

/** The value of a "More" button; an ephemeral turn too long to carry is left to memory. */
export function moreValue(ref: MoreRef): string {
  if ("thread" in ref) return JSON.stringify({ t: ref.thread });
  if ("dm" in ref) return JSON.stringify({ d: 1 });
  const { key, turn } = ref;
  const carried = turn ? [{ k: key, q: turn.question, s: toPlaces(turn.shown) }] : [];
  return fitting([...carried, { k: key }]);
}

/** Reads a "More" value back; null when it is not one citebot wrote. */
export function readMoreValue(value: string | undefined): MoreRef | null {
  const v = parse(value);
  if (typeof v?.["t"] === "string") return { thread: v["t"] };
  if (v?.["d"] === 1) return { dm: true };
  if (typeof v?.["k"] !== "string") return null;
  const shown = fromPlaces(v["s"]);
  const q = v["q"];
  return {
    key: v["k"],
    ...(typeof q === "string" && shown ? { turn: { question: q, shown } } : {}),
  };
}

/** The value of a "Post to channel" button for `answer`, kept under `id`. */
export function shareValue(id: string, answer: Answer): string {
  const shown = answer.kind === "cited" ? toPlaces(answer.excerpts) : [];
  const q = answer.question;
  return fitting([
    { a: id, q, s: shown },
    { a: id, q: q.slice(0, 1000) },
    { a: id, q: "" },
  ]);
}

/** Reads a "Post to channel" value back; a plain question is an older button's value. */
export function readShareValue(value: string | undefined): ShareRef {
  const v = parse(value);
  if (!v || typeof v["a"] !== "string") return { id: "", question: value ?? "" };
  const shown = fromPlaces(v["s"]);
  return {
    id: v["a"],
    question: typeof v["q"] === "string" ? v["q"] : "",
    ...(shown ? { shown } : {}),
  };
}

function parse(value: string | undefined): Record<string, unknown> | null {
  if (!value?.startsWith("{")) return null;
  try {
    const v: unknown = JSON.parse(value);
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A button with `label` that sends `value` back under `action`. */
export function button(action: string, label: string, value: string): Button {
  return { type: "button", text: { type: "plain_text", text: label }, action_id: action, value };
}
