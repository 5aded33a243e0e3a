// The tools' door (eval, train, bench, load): everything front ends get, plus the corpus,
// the features and the learned models. Front ends use src/index.ts instead.
export * from "./index.ts";
export {
  DEFAULT_MIN_CONFIDENCE,
  createCitebot,
  createCitebotFromTexts,
  type Analysis,
  type Citebot,
  type CitebotOptions,
} from "./answering/citebot.ts";
export { openCitebot, type OpenOptions, type OpenedCitebot } from "./hosting/open.ts";
export { createLiveResponder, type LiveOptions, type LiveResponder } from "./hosting/live.ts";
export { loadSeeds, type SeedFile } from "./ingest/loader.ts";
export { CITEBOT_VERSION } from "./hosting/version.ts";
export { createMemoryLogger } from "./hosting/logger.ts";
export {
  MAX_QUESTION_LENGTH,
  answerTypeOf,
  focusOf,
  parseQuestion,
  questionFormOf,
  subjectOf,
  type AnswerType,
  type Question,
  type QuestionForm,
} from "./answering/question.ts";
export { candidatesOf, patternSpans } from "./answering/answer-phrase.ts";
export { DEFAULT_MODELS } from "./model/default-models.ts";
export type { Models, Provenance } from "./model/types.ts";
export { rankSentences, scoreOf, type RankWeights, type SentenceHit } from "./answering/rank.ts";
export {
  FEATURE_NAMES,
  type FeatureName,
  type SentenceFeatures,
} from "./answering/sentence-features.ts";
export {
  pickAnswer,
  spanCandidates,
  spanScoreOf,
  type SpanWeights,
} from "./answering/answer-span.ts";
export { SPAN_FEATURES, type SpanFeature } from "./answering/span-features.ts";
export {
  CONFIDENCE_FEATURES,
  confidenceFeatures,
  confidenceOf,
  type ConfidenceFeature,
  type ConfidenceWeights,
} from "./answering/confidence.ts";
export { isStopWord, normalizeWord, stem, tokenize, type Token } from "./search/tokenize.ts";
export {
  generalCount,
  generalIdf,
  parseFrequencyTable,
  zipfFrequency,
  type FrequencyTable,
} from "./search/general-frequency.ts";
export {
  RELATION_WEIGHTS,
  parseRelationTable,
  relatedStems,
  type RelatedStem,
  type RelationKind,
} from "./search/related-stems.ts";
export type { Database, Dialect, Queryable, SqlValue } from "./hosting/store/database.ts";
export { createSqliteDatabase } from "./hosting/store/sqlite.ts";
export { createPostgresDatabase } from "./hosting/store/postgres.ts";
export { MIGRATIONS, migrate, type Migration } from "./hosting/store/migrations.ts";
export {
  createStore,
  type Citation,
  type FeedbackRecord,
  type Outcome,
  type QuestionRecord,
  type Store,
} from "./hosting/store/store.ts";
export { SQLITE_FILE } from "./hosting/store/config.ts";
export { openDatabase } from "./hosting/store/open-store.ts";
export { createQuestionLog, type QuestionLogOptions } from "./hosting/store/question-log.ts";
export { hashUser, toOutcome } from "./hosting/store/question-records.ts";
export { groupGaps } from "./hosting/store/gaps.ts";
export { summarize, type DayCount, type SummaryOptions } from "./hosting/store/summary.ts";
export {
  CLAIM_TIMES,
  createDatabaseClaims,
  type ClaimTimes,
  type DatabaseClaimsOptions,
} from "./hosting/store/claims.ts";
export { IndexNotBuiltError } from "./hosting/open.ts";
export { waitForIndex, type WaitForIndexOptions } from "./hosting/index-reader.ts";
export { collectionOf, parseCollectionMap } from "./hosting/collections.ts";
