// The learned parameters, in one place. Each block is printed by `npm run train` (see
// tools/train.ts) from the tune half of squad-dev-a and checked with
// `npm run eval -- --split check`; paste a new block here to change it.
import type { SpanFeature } from "../answering/answer-span.ts";
import type { CONFIDENCE_FEATURES } from "../answering/confidence.ts";
import type { RankWeights } from "../answering/rank.ts";

/**
 * The weights in use unless a caller passes others: learned by `npm run train` (an averaged
 * perceptron on the top-1 decision) on the tune half of squad-dev-a, and checked on the other
 * half with `npm run eval -- --split check`.
 */
export const DEFAULT_WEIGHTS: RankWeights = {
  passages: 12,
  features: {
    own: 0.679,
    near: 0.664,
    rest: 0.127,
    section: 0.847,
    passage: 0.472,
    pairs: 0.023,
    typed: 0.232,
    matched: 0.066,
    length: 0.041,
    novel: -0.077,
    first: -0.031,
    rank: -0.057,
    rarest: 0.037,
    proximity: 0.05,
    candidates: 0.037,
    ownSquared: 0.298,
    soft: 0.567,
    previous: -0.319,
    next: -0.549,
    bm25: 0.042,
  },
};

/** Weights learned on the tune half of squad-dev-a by `npm run train -- --target phrase`. */
export const DEFAULT_SPAN_WEIGHTS: Readonly<Partial<Record<SpanFeature, number>>> = {
  len1: 0.191,
  len2: 0.182,
  len3: 0.138,
  len4: 0.118,
  len5: 0.096,
  capitalised: -0.131,
  someCapital: 0.019,
  digit: 0.027,
  date: -0.235,
  number: -0.093,
  adjacent: -0.263,
  near: 0.484,
  after: -0.009,
  before: -0.036,
  sentenceStart: 0.061,
  parenthesis: -0.128,
  afterCopula: -0.04,
  commaAfter: -0.04,
  window: 0.014,
  beforeFirst: -0.139,
  afterLast: -0.001,
  short: -0.054,
  len6: 0.075,
  endsAtBoundary: 0.122,
  startsAtBoundary: 0.001,
  crossesComma: -0.126,
  focusNear: 0.225,
  crossesParenthesis: -0.211,
  wordLength: 0.074,
  lowercase: -0.008,
  "subject:beforeFirst": 0.041,
  "object:afterLast": -0.094,
  "date:capitalised": 0.308,
  "date:digit": 0.334,
  "date:date": 0.895,
  "date:number": 0.122,
  "date:len1": -0.103,
  "number:capitalised": -0.54,
  "number:digit": 0.177,
  "number:date": -0.065,
  "number:number": 0.519,
  "number:len1": 0.131,
  "person:capitalised": 0.645,
  "person:digit": -0.663,
  "person:date": -0.241,
  "person:number": -0.192,
  "person:len1": -0.142,
  "place:capitalised": 0.407,
  "place:digit": -0.078,
  "place:date": -0.118,
  "place:number": 0.082,
  "place:len1": -0.038,
  "other:capitalised": 0.352,
  "other:digit": 0.055,
  "other:date": -0.005,
  "other:number": 0.074,
  "other:len1": -0.056,
};

/**
 * Logistic-regression weights: fitted on the tune half of squad-dev-a, each article's questions
 * asked against corpora with and without it (`npm run train -- --target abstain`).
 */
export const CONFIDENCE_WEIGHTS: Readonly<Record<(typeof CONFIDENCE_FEATURES)[number], number>> = {
  bias: -5.895,
  coverage: 3.821,
  own: 2.415,
  soft: 1.549,
  section: 0.386,
  rarest: -0.542,
  unknown: -3.743,
  terms: 0.392,
  strength: 6.796,
};
