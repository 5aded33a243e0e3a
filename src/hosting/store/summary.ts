import { groupGaps, type GapTopic } from "./gaps.ts";
import type { Citation, FeedbackRecord, QuestionRecord, Store } from "./store.ts";

/** Questions of one day (UTC). */
export interface DayCount {
  /** YYYY-MM-DD */
  day: string;
  total: number;
  answered: number;
  notFound: number;
}

/** An answer people voted on, with its votes and the reasons given for 👎. */
export interface VotedAnswer {
  questionId: string;
  question: string;
  up: number;
  down: number;
  reasons: string[];
  cited: Citation[];
}

/** What the question log says about the seeds, for the report page and `/citebot report`. */
export interface Summary {
  from: number;
  to: number;
  total: number;
  answered: number;
  notFound: number;
  help: number;
  /** answered / (answered + not found); null before any real question. */
  answeredRate: number | null;
  days: DayCount[];
  gaps: GapTopic[];
  /** Answers with at least one 👎, the most 👎 first. */
  disliked: VotedAnswer[];
  votes: { up: number; down: number };
  /** Every document cited at least once, the most cited first. */
  cited: { doc: string; count: number }[];
  /** Seed files that no logged answer cited (when the seed list is known). */
  neverCited: string[];
}

/** Options for {@link summarize}. */
export interface SummaryOptions {
  /** Seed files (relative paths), to find those never cited. */
  documents?: readonly string[];
  from: number;
  to: number;
  /** Most gap topics listed. Default 20. */
  maxTopics?: number;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Sums up logged questions and votes between `from` and `to`. */
export function summarize(
  questions: readonly QuestionRecord[],
  feedback: readonly FeedbackRecord[],
  options: SummaryOptions,
): Summary {
  const inRange = questions.filter((q) => q.askedAt >= options.from && q.askedAt <= options.to);
  const days = new Map<string, DayCount>();
  for (let t = options.from; t <= options.to; t += 86_400_000) {
    const day = dayOf(t);
    days.set(day, { day, total: 0, answered: 0, notFound: 0 });
  }
  const cited = new Map<string, number>();
  let answered = 0;
  let notFound = 0;
  for (const q of inRange) {
    const day = days.get(dayOf(q.askedAt)) ?? {
      day: dayOf(q.askedAt),
      total: 0,
      answered: 0,
      notFound: 0,
    };
    days.set(day.day, day);
    day.total++;
    if (q.outcome === "answered") {
      answered++;
      day.answered++;
      for (const doc of new Set(q.cited.map((c) => c.doc)))
        cited.set(doc, (cited.get(doc) ?? 0) + 1);
    } else if (q.outcome === "not_found") {
      notFound++;
      day.notFound++;
    }
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  const voted = new Map<string, VotedAnswer>();
  for (const f of feedback) {
    const q = byId.get(f.questionId);
    if (!q) continue;
    const v = voted.get(q.id) ?? {
      questionId: q.id,
      question: q.question,
      up: 0,
      down: 0,
      reasons: [],
      cited: q.cited,
    };
    voted.set(q.id, v);
    if (f.vote > 0) v.up++;
    else {
      v.down++;
      if (f.reason) v.reasons.push(f.reason);
    }
  }
  const votes = [...voted.values()];
  return {
    from: options.from,
    to: options.to,
    total: inRange.length,
    answered,
    notFound,
    help: inRange.length - answered - notFound,
    answeredRate: answered + notFound > 0 ? answered / (answered + notFound) : null,
    days: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
    gaps: groupGaps(
      inRange.filter((q) => q.outcome === "not_found").map((q) => q.question),
      options.maxTopics,
    ),
    disliked: votes.filter((v) => v.down > 0).sort((a, b) => b.down - a.down || a.up - b.up),
    votes: {
      up: votes.reduce((n, v) => n + v.up, 0),
      down: votes.reduce((n, v) => n + v.down, 0),
    },
    cited: [...cited]
      .map(([doc, count]) => ({ doc, count }))
      .sort((a, b) => b.count - a.count || (a.doc < b.doc ? -1 : 1)),
    neverCited: (options.documents ?? []).filter((d) => !cited.has(d)),
  };
}

/** The summary in a few plain lines, for `/citebot report` in chat. */
export function toSummaryLines(s: Summary): string[] {
  const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
  const lines = [
    `${s.total} questions since ${dayOf(s.from)}: ${s.answered} answered, ${s.notFound} not found, ${s.help} help (answered rate ${pct(s.answeredRate)}).`,
    `Feedback: ${s.votes.up} 👍, ${s.votes.down} 👎.`,
  ];
  if (s.gaps.length > 0)
    lines.push(
      `Most asked without an answer: ${s.gaps
        .slice(0, 5)
        .map((g) => `"${g.topic}" (${g.count})`)
        .join(", ")}.`,
    );
  if (s.disliked[0]) lines.push(`Most 👎: "${s.disliked[0].question}" (${s.disliked[0].down} 👎).`);
  if (s.cited[0]) lines.push(`Most cited: ${s.cited[0].doc} (${s.cited[0].count}).`);
  if (s.neverCited.length > 0)
    lines.push(`Never cited: ${s.neverCited.length} of the seed files (see npm run report).`);
  return lines;
}

/** Reads the last `days` days from the store and sums them up. */
export async function readSummary(
  store: Store,
  options: { days: number; documents?: readonly string[]; now?: number },
): Promise<Summary> {
  const to = options.now ?? Date.now();
  const from = to - options.days * 86_400_000;
  const [questions, feedback] = await Promise.all([
    store.questionsSince(from),
    store.feedbackSince(from),
  ]);
  return summarize(questions, feedback, {
    from,
    to,
    ...(options.documents ? { documents: options.documents } : {}),
  });
}
