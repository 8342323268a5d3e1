import { SURE_SCORE, doubtReasons, type DoubtReason, type DraftConfidence } from '../../../../shared/domain/drafts';

/**
 * How much each doubt takes off a line's score (1 = sure). One doubt that can be wrong in a way the
 * seller would not notice (a typo match, two products that fit, a guessed variant) is enough to
 * ask her to check; an assumed count of one or a product carried over from an earlier sentence is not.
 */
const factors: Record<Exclude<DoubtReason, 'partial'>, number> = {
  fuzzy: 0.6,
  ambiguous: 0.55,
  variantGuessed: 0.6,
  unknown: 0,
  assumedQuantity: 0.9,
  inferred: 0.85,
};

export interface Evidence {
  reasons: Set<DoubtReason>;
  /** The share of the customer's product words the line's product explains. */
  coverage: number;
  /** The customer's words the line came from. */
  words: string;
  /** The words are one of the shop's aliases. */
  isLearned: boolean;
}

export const scoreOf = (evidence: Evidence): number => {
  let score = evidence.reasons.has('partial') ? evidence.coverage : 1;
  for (const reason of evidence.reasons) if (reason !== 'partial') score *= factors[reason];
  return Math.round(score * 100) / 100;
};

export const confidenceOf = (evidence: Evidence): { confidence: DraftConfidence; score: number; reasons: DoubtReason[] } => {
  const score = scoreOf(evidence);
  return { confidence: score >= SURE_SCORE ? 'sure' : 'check', score, reasons: doubtReasons.filter((r) => evidence.reasons.has(r)) };
};
