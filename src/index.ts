// The core's public door: front ends import from here and nowhere else in src/.
export type {
  Answer,
  AnswerPhrase,
  DocumentInfo,
  Excerpt,
  HelpReason,
  Responder,
  Span,
  Suggestions,
} from "./answer.ts";
export { assertNever } from "./answer.ts";
export { toSegments, clipAtWord, toDisplayText, type Mark, type Segment } from "./segments.ts";
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateDecision,
} from "./rate-limit.ts";
export {
  createLogger,
  createMemoryLogger,
  redact,
  type Logger,
  type LoggerOptions,
} from "./logger.ts";
export {
  ConfigError,
  README_CONFIG,
  boolVar,
  intVar,
  parseCoreConfig,
  requiredVar,
  sourceUrl,
  urlVar,
  type CoreConfig,
  type Env,
} from "./config.ts";
export {
  DEFAULT_MIN_CONFIDENCE,
  createCitebot,
  createCitebotFromTexts,
  type Citebot,
  type CitebotOptions,
  type CorpusStats,
} from "./citebot.ts";
export { openCitebot, type OpenOptions, type OpenedCitebot } from "./open.ts";
export { SeedsError, loadSeeds, type SeedFile } from "./loader.ts";
export { MAX_QUESTION_LENGTH } from "./question.ts";
export { CONFIDENCE_WEIGHTS, DEFAULT_SPAN_WEIGHTS, DEFAULT_WEIGHTS } from "./learned-weights.ts";
export {
  FEATURE_NAMES,
  rankSentences,
  type FeatureName,
  type RankWeights,
  type SentenceHit,
} from "./rank.ts";
export { parseQuestion, type Question } from "./question.ts";
export { createLiveResponder, type LiveOptions, type LiveResponder } from "./live.ts";
export { CITEBOT_VERSION } from "./version.ts";
export { SPAN_FEATURES, pickAnswer, spanCandidates, type SpanFeature } from "./answer-span.ts";
export { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf } from "./confidence.ts";
