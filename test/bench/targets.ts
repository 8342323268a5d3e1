// The figures the bench reports and the targets of issue #22 they are judged against.

export interface Target {
  /** Largest (or, with atLeast, smallest) acceptable value on the largest shop measured. */
  max?: number;
  atLeast?: number;
  /** Largest acceptable large/small ratio. */
  maxGrowth?: number;
}

export interface Figure {
  label: string;
  unit: 'ms' | 'ratio' | 'per s' | 'MB';
  small: number | null;
  large: number | null;
  /** large / small, for figures that should not grow with the shop. */
  growth: number | null;
  target: string;
  /** ok / miss against the target, '' when the figure has none. */
  verdict: 'ok' | 'miss' | '';
}

export const targetText = (target: Target | undefined, unit: Figure['unit']): string => {
  if (!target) return '';
  const bound = target.atLeast !== undefined ? `≥ ${target.atLeast}` : target.max !== undefined ? `≤ ${target.max}${unit === 'ratio' ? '' : ` ${unit}`}` : '';
  return [bound, target.maxGrowth !== undefined ? `≤ ×${target.maxGrowth}` : ''].filter(Boolean).join(', ');
};

/** Judged on the largest shop measured: the one the targets are about. */
export const judge = (target: Target | undefined, value: number | null, growth: number | null): Figure['verdict'] => {
  if (!target || value === null) return '';
  const isValueOk = (target.max === undefined || value <= target.max) && (target.atLeast === undefined || value >= target.atLeast);
  const isGrowthOk = target.maxGrowth === undefined || growth === null || growth <= target.maxGrowth;
  return isValueOk && isGrowthOk ? 'ok' : 'miss';
};

export const figure = (label: string, unit: Figure['unit'], small: number | null, large: number | null, target?: Target, isGrowthShown = false): Figure => {
  const growth = (target?.maxGrowth !== undefined || isGrowthShown) && small !== null && large !== null ? Number((large / Math.max(small, 0.01)).toFixed(2)) : null;
  return { label, unit, small, large, growth, target: targetText(target, unit), verdict: judge(target, large ?? small, growth) };
};

/** Each screen's question answers "at the speed of a keystroke, however large the shop grows". */
export const interactive: Target = { max: 5, maxGrowth: 1.5 };
export const ingestTarget: Target = { atLeast: 0.5 };
export const coldStartTarget: Target = { max: 500 };
export const keystrokeTarget: Target = { max: 50 };
