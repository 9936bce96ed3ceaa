/**
 * Small statistics for the benchmark: medians and a least-squares line.
 */

/** The median of a non-empty list. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A least-squares line `y = intercept + slope * x` and how well it fits. */
export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** Coefficient of determination (1 = every point on the line). */
  readonly rSquared: number;
}

/** Fits a line through at least two points with distinct x. */
export function linearFit(points: Array<[number, number]>): LinearFit {
  if (points.length < 2) throw new Error('a line needs at least two points');
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0);
  if (sxx === 0) throw new Error('a line needs two distinct x values');
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const ssTotal = points.reduce((s, [, y]) => s + (y - meanY) ** 2, 0);
  const ssResidual = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, rSquared: ssTotal === 0 ? 1 : 1 - ssResidual / ssTotal };
}
