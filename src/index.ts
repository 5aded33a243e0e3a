// The front ends' door: adapters import from here and nowhere else in src/. Tools use
// src/tools.ts. Stages: ingest → search → answering (with model) → hosting; display renders.
export type {
  Answer,
  AnswerPhrase,
  CitedAnswer,
  DocumentInfo,
  Excerpt,
  HelpReason,
  AskOptions,
  HelpReply,
  NoMore,
  NonEmpty,
  NotFound,
  Responder,
  ShownExcerpt,
  Span,
  Suggestions,
  Thread,
  Turn,
} from "./answering/answer.ts";
export { extendThread, toTurn } from "./answering/conversation.ts";
export { assertNever } from "./answering/answer.ts";
export {
  toSegments,
  clipAtWord,
  toDisplayText,
  type Mark,
  type Segment,
} from "./display/segments.ts";
export { createLogger, redact, type Logger, type LoggerOptions } from "./hosting/logger.ts";
export {
  ConfigError,
  boolVar,
  intVar,
  parseCoreConfig,
  requiredVar,
  sourceUrl,
  urlVar,
  type CoreConfig,
  type Env,
} from "./hosting/config.ts";
export type { CorpusStats } from "./answering/citebot.ts";
export {
  openFromConfig,
  openLive,
  statsLine,
  type FrontEndCitebot,
  type LiveCitebot,
} from "./hosting/front-end.ts";
export { SeedsError } from "./ingest/loader.ts";
export { toPrintable } from "./ingest/printable.ts";
export { MAX_QUESTION_LENGTH } from "./answering/question.ts";
export type { FollowLinks } from "./ingest/seed-listing.ts";
export { parseStoreConfig, storeSecrets, type StoreConfig } from "./hosting/store/config.ts";
export { openQuestionLog } from "./hosting/store/open-store.ts";
export type { LoggedQuestion, QuestionLog } from "./hosting/store/question-log.ts";
export type { Vote } from "./hosting/store/question-records.ts";
export {
  readSummary,
  toSummaryLines,
  type Summary,
  type VotedAnswer,
} from "./hosting/store/summary.ts";
export type { GapTopic } from "./hosting/store/gaps.ts";
export { listSeeds } from "./ingest/loader.ts";
export { createMemoryClaims, type EventClaims } from "./hosting/store/claims.ts";
export { openEventClaims, type OpenClaimsOptions } from "./hosting/store/open-claims.ts";
export {
  openInstallations,
  type Installations,
  type OpenInstallationsOptions,
} from "./hosting/store/installations.ts";
export {
  ALL,
  ALL_SEEDS,
  collectionFor,
  createCollectionRouter,
  listCollections,
  readCollectionMap,
  type CollectionMap,
  type CollectionRouter,
  type Place,
} from "./hosting/collections.ts";
