import { toTurn, type Answer, type ShownExcerpt, type Turn } from "../../src/index.ts";
import { decodeSlackText } from "./to-question.ts";

/** The `event_type` of the metadata citebot puts on its answers. */
export const ANSWER_EVENT = "citebot_answer";
/** Most turns rebuilt from a thread; older ones no longer shape a follow-up. */
export const MAX_TURNS = 20;

/** Message metadata carrying an answer's turn, so a thread can be read back after a restart. */
export interface AnswerMetadata {
  event_type: typeof ANSWER_EVENT;
  event_payload: { question: string; shown: ShownExcerpt[]; more: boolean };
}

/** The fields of a `conversations.replies` message that citebot reads. */
export interface ThreadMessage {
  ts?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  subtype?: string | undefined;
  text?: string | undefined;
  metadata?: { event_type?: string; event_payload?: unknown } | undefined;
}

/** The metadata to post with `answer` (a "more" answer adds to the turn before it). */
export function toMetadata(answer: Answer, more = false): AnswerMetadata {
  const { question, shown } = toTurn(answer);
  return { event_type: ANSWER_EVENT, event_payload: { question, shown, more } };
}

function readPayload(payload: unknown): AnswerMetadata["event_payload"] | null {
  if (typeof payload !== "object" || payload === null) return null;
  const { question, shown, more } = payload as Record<string, unknown>;
  if (typeof question !== "string" || !Array.isArray(shown)) return null;
  const places = shown
    .slice(0, 30)
    .filter(
      (s): s is ShownExcerpt =>
        typeof s === "object" &&
        s !== null &&
        typeof (s as ShownExcerpt).doc === "string" &&
        Number.isInteger((s as ShownExcerpt).start) &&
        Number.isInteger((s as ShownExcerpt).end),
    )
    .map(({ doc, start, end }) => ({ doc, start, end }));
  return { question: question.slice(0, 2000), shown: places, more: more === true };
}

/** Whether citebot has answered in the thread: one of its own messages carries an answer's metadata. */
export function hasAnswered(
  messages: readonly ThreadMessage[],
  botUserId: string | undefined,
): boolean {
  return messages.some(
    (m) =>
      botUserId !== undefined && m.user === botUserId && m.metadata?.event_type === ANSWER_EVENT,
  );
}

// A reply also sent to the channel is still a person's message in the thread.
const isPersonMessage = (subtype: string | undefined) =>
  subtype === undefined || subtype === "thread_broadcast";

/** A turn of a rebuilt thread, and whether citebot answered it. */
interface ReadTurn extends Turn {
  answered: boolean;
}

/**
 * Rebuilds a thread's turns from its messages, oldest first: each person's message is a
 * question, and citebot's own answer after it (known by its metadata) says what was shown.
 * `answeredOnly` keeps just the turns citebot answered (what "More" continues).
 */
export function toThreadTurns(
  messages: readonly ThreadMessage[],
  botUserId: string | undefined,
  options: { before?: string; answeredOnly?: boolean } = {},
): Turn[] {
  const turns: ReadTurn[] = [];
  const before = options.before === undefined ? Infinity : Number(options.before);
  for (const m of messages) {
    if (m.ts === undefined || !(Number(m.ts) < before)) continue;
    const ours = botUserId !== undefined && m.user === botUserId;
    const meta = ours && m.metadata?.event_type === ANSWER_EVENT;
    const payload = meta ? readPayload(m.metadata?.event_payload) : null;
    const last = turns.at(-1);
    if (payload?.more) {
      const answered = turns.findLast((t) => t.answered);
      if (answered) answered.shown = [...answered.shown, ...payload.shown];
    } else if (payload) {
      const turn = { question: payload.question, shown: payload.shown, answered: true };
      // citebot's answer belongs to the question just before it.
      if (last && !last.answered) turns[turns.length - 1] = turn;
      else turns.push(turn);
    } else if (!ours && m.bot_id === undefined && m.user && isPersonMessage(m.subtype)) {
      const question = decodeSlackText((m.text ?? "").slice(0, 4000), botUserId);
      if (question) turns.push({ question, shown: [], answered: false });
    }
  }
  const kept = options.answeredOnly ? turns.filter((t) => t.answered) : turns;
  return kept.slice(-MAX_TURNS).map(({ question, shown }) => ({ question, shown }));
}
