import {
  ALL_SEEDS,
  collectionFor,
  createCollectionRouter,
  listCollections,
  openQuestionLog,
  readCollectionMap,
  type Env,
  type LiveCitebot,
  type Logger,
  type StoreConfig,
  type CollectionMap,
  type CollectionRouter,
  type Place,
  type QuestionLog,
  type Responder,
  type Answer,
  type AskOptions,
} from "../../src/index.ts";

/** What a chat front end needs besides the answerer: the log and the channel's document set. */
export interface Asking {
  /** The question log; null when LOG_QUESTIONS is off. */
  log: QuestionLog | null;
  /** The responder for a place (its collection's), and the collection's name (null = all). */
  pick(place: Place): { responder: Responder; collection: string | null };
}

/** Who asked, and where: what the question log keeps beside the answer. */
export interface Asker {
  /** The place; its server is logged as the workspace. */
  place: Place & { server: string | null };
  /** The platform's user id (the log stores only a keyed hash of it). */
  user: string;
  /** Asked in a direct message. */
  direct: boolean;
}

/**
 * Answers from the place's document set (or `fallback` without `asking`) and logs the question
 * unless `logIf` says no (an unprompted post citebot will not answer); `id` is the log entry's
 * id for the feedback buttons, null when nothing was logged.
 */
export function askAndLog(
  asking: Asking | undefined,
  fallback: Responder,
  asker: Asker,
  question: string,
  options?: AskOptions,
  logIf: (answer: Answer) => boolean = () => true,
): { answer: Answer; id: string | null } {
  const { place, user, direct } = asker;
  const picked = asking?.pick(place) ?? { responder: fallback, collection: null };
  const answer = picked.responder.ask(question, options);
  if (!logIf(answer)) return { answer, id: null };
  const id =
    asking?.log?.record({
      ...place,
      workspace: place.server,
      user,
      direct,
      collection: picked.collection,
      answer,
    }) ?? null;
  return { answer, id };
}

/** Options for {@link createAsking}. */
export interface AskingOptions {
  responder: Responder;
  log?: QuestionLog | null;
  collections?: { router: CollectionRouter; map: CollectionMap } | null;
}

/** Picks the collection's responder for each place; without collections, always `responder`. */
export function createAsking(options: AskingOptions): Asking {
  const { responder, collections } = options;
  return {
    log: options.log ?? null,
    pick(place) {
      if (!collections) return { responder, collection: null };
      const collection = collectionFor(collections.map ?? ALL_SEEDS, place);
      return { responder: collections.router.responder(collection), collection };
    },
  };
}

/**
 * The chat front ends' asking: the question log from the store settings (on by default) and
 * the collections of COLLECTIONS_FILE; a bad file throws ConfigError before anything connects.
 */
export async function openChatAsking(options: {
  live: LiveCitebot;
  seedsDir: string;
  store: StoreConfig;
  logger: Logger;
  env: Env;
}): Promise<Asking> {
  const map = await readCollectionMap(options.env, options.seedsDir);
  const router = createCollectionRouter({
    all: options.live,
    current: () => options.live.current,
    names: await listCollections(options.seedsDir),
  });
  return createAsking({
    responder: options.live,
    log: openQuestionLog(options.store, options.logger),
    collections: { router, map },
  });
}
