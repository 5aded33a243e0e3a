// Follow-up accuracy on multi-turn conversations (data/natural/conversations.jsonl format):
// each later turn is asked in its thread (earlier questions and the excerpts citebot really
// showed) and again on its own. Run alone:
//   npx tsx tools/eval-conversations.ts [--conversations FILE] [--seeds DIR]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extendThread, openCitebot, type Citebot, type Turn } from "../src/tools.ts";
import { REPO_ROOT } from "../adapters/shared/args.ts";

/** One conversation: turns with the verbatim evidence a right first excerpt contains. */
interface Conversation {
  id: string;
  doc: string;
  turns: { question: string; evidence: string[] }[];
}

/** Follow-up accuracy with and without the thread, and first-turn accuracy for reference. */
export interface ConversationReport {
  file: string;
  conversations: number;
  /** Conversations left out because their document is in neither seeds folder. */
  skipped: number;
  first_turns: number;
  first_turn_p_at_1: number;
  follow_ups: number;
  follow_up_p_at_1_with_context: number;
  follow_up_p_at_1_without_context: number;
}

/** Where to find the conversations and the two corpora they are asked against. */
export interface ConversationEvalOptions {
  file: string;
  /** The bundled seeds (for conversations over its article). */
  bundledSeeds: string;
  /** The squad-dev-a seeds (for conversations over its articles). */
  squadSeeds: string;
}

function readConversations(file: string): Conversation[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const c = JSON.parse(line) as Partial<Conversation>;
      if (typeof c.doc !== "string" || !Array.isArray(c.turns))
        throw new Error(`${file}:${i + 1}: expected {"id", "doc", "turns": [...]}`);
      return { id: String(c.id ?? i + 1), doc: c.doc, turns: c.turns };
    });
}

const right = (first: string | undefined, evidence: readonly string[]) =>
  first !== undefined && evidence.some((e) => first.includes(e));

/** Asks every conversation turn by turn, in its thread and alone; returns the accuracies. */
export async function evalConversations(
  options: ConversationEvalOptions,
): Promise<ConversationReport> {
  const conversations = readConversations(options.file);
  const bots = new Map<string, Citebot>();
  const botFor = async (doc: string): Promise<Citebot | null> => {
    const dir = [options.bundledSeeds, options.squadSeeds].find((d) =>
      existsSync(path.join(d, doc)),
    );
    if (!dir) return null;
    let bot = bots.get(dir);
    if (!bot) {
      bot = await openCitebot({ seedsDir: dir, cacheDir: null });
      bots.set(dir, bot);
    }
    return bot;
  };
  let skipped = 0;
  let firsts = 0;
  let firstRight = 0;
  let followUps = 0;
  let withContext = 0;
  let withoutContext = 0;
  for (const c of conversations) {
    const bot = await botFor(c.doc);
    if (!bot) {
      skipped++;
      continue;
    }
    let thread: Turn[] = [];
    c.turns.forEach((turn, i) => {
      const answer = bot.ask(turn.question, { thread });
      const first = answer.kind === "cited" ? answer.excerpts[0].text : undefined;
      if (i === 0) {
        firsts++;
        if (right(first, turn.evidence)) firstRight++;
      } else {
        followUps++;
        if (right(first, turn.evidence)) withContext++;
        const alone = bot.ask(turn.question);
        if (alone.kind === "cited" && right(alone.excerpts[0].text, turn.evidence))
          withoutContext++;
      }
      thread = extendThread(thread, answer);
    });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    file: path.relative(REPOSITORY, options.file),
    conversations: conversations.length - skipped,
    skipped,
    first_turns: firsts,
    first_turn_p_at_1: round(firstRight / Math.max(1, firsts)),
    follow_ups: followUps,
    follow_up_p_at_1_with_context: round(withContext / Math.max(1, followUps)),
    follow_up_p_at_1_without_context: round(withoutContext / Math.max(1, followUps)),
  };
}

// The repository root, whether this runs from tools/ or compiled from dist/tools/.
const REPOSITORY = REPO_ROOT;
/** The held-out conversations `npm run eval` reports on. */
const CONVERSATIONS = path.join(REPOSITORY, "data/natural/conversations.jsonl");

/**
 * The held-out conversations asked against the bundled seeds and `squadSeeds`; null when that
 * folder holds none of their articles (eval was pointed at another data set).
 */
export async function conversationsBeside(squadSeeds: string): Promise<ConversationReport | null> {
  const report = await evalConversations({
    file: CONVERSATIONS,
    bundledSeeds: path.join(REPOSITORY, "seeds"),
    squadSeeds,
  });
  return report.skipped > 0 ? null : report;
}

/** The report as the lines `npm run eval` prints. */
export function formatConversationReport(r: ConversationReport): string {
  return [
    `citebot follow-ups — ${r.conversations} conversations from ${r.file}` +
      (r.skipped ? ` (${r.skipped} skipped: document not in the seeds)` : ""),
    `  first turn P@1           ${r.first_turn_p_at_1} (${r.first_turns} turns)`,
    `  follow-up P@1 in thread  ${r.follow_up_p_at_1_with_context} (${r.follow_ups} turns)`,
    `  follow-up P@1 alone      ${r.follow_up_p_at_1_without_context}`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] ? (argv[at + 1] ?? fallback) : fallback;
  };
  const report = await evalConversations({
    file: value("conversations", path.join(REPOSITORY, "data/natural/conversations-dev.jsonl")),
    bundledSeeds: path.join(REPOSITORY, "seeds"),
    squadSeeds: path.resolve(value("seeds", "../shared/data/squad-dev-a/seeds")),
  });
  console.log(formatConversationReport(report));
}
